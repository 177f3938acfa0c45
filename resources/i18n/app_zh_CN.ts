<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessController</name>
    <message>
        <location filename="../../gui/access/controller.py" line="+45"/>
        <location line="+101"/>
        <source>Access and capacity</source>
        <translation>可达性与容量</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Access tables</source>
        <translation>可达性表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Access with capacity (2SFCA)…</source>
        <translation>考虑容量的可达性（2SFCA）…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Auto: age group, else population or households</source>
        <translation>自动：年龄组，其次人口，再次户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto: capacity field, else preset default</source>
        <translation>自动：容量字段，否则按预设默认值</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Weighing capacities against demand…</source>
        <translation>正在按需求核算设施容量…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cancelled; the map shows the previous result, if any.</source>
        <translation>已取消；地图显示上次的结果（如有）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compounds {compounds}, facilities {facilities} ({defaults} with default capacity), catchment {metres:,.0f} m: {seconds:.2f} s.</source>
        <translation>{compounds} 个小区，{facilities} 处设施（{defaults} 处按默认容量），服务范围 {metres:,.0f} m：{seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} compounds short of the standard, {total:,.0f} in all.</source>
        <translation>{n} 个小区未达配置标准，共缺 {total:,.0f}。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AccessMap</name>
    <message>
        <location filename="../../gui/access/overlay.py" line="+54"/>
        <source>up to {hi:g} per 1,000</source>
        <translation>每千人不超过 {hi:g}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over {lo:g} per 1,000</source>
        <translation>每千人 {lo:g} 以上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None in reach</source>
        <translation>范围内无设施</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Short of the standard</source>
        <translation>未达配置标准</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{type}, default capacity</source>
        <translation>{type}，默认容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type}, capacity entered</source>
        <translation>{type}，容量已录入</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None in reach · {n}</source>
        <translation>范围内无设施 · {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>over {lo:g} · {n}</source>
        <translation>{lo:g} 以上 · {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to {hi:g} · {n}</source>
        <translation>不超过 {hi:g} · {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per 1,000 of the demand</source>
        <translation>每千需求人口（户）可得供给</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Short of the standard · {n}</source>
        <translation>未达配置标准 · {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{type}, capacity entered · {n}</source>
        <translation>{type}，容量已录入 · {n}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{type}, default capacity · {n}</source>
        <translation>{type}，默认容量 · {n}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Access to {type} ({method})</source>
        <translation>{type}可达性（{method}）</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../../gui/access/panel.py" line="+30"/>
        <source>2SFCA (every facility in reach counts fully)</source>
        <translation>2SFCA（范围内设施全额计入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E2SFCA (nearer counts more: 1 / 0.68 / 0.22 by thirds)</source>
        <translation>E2SFCA（距离衰减：按三等分 1 / 0.68 / 0.22）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Straight line from the compound boundary</source>
        <translation>从小区边界直线计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking along the roads</source>
        <translation>沿道路步行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Capacities and standards…</source>
        <translation>容量与配置标准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute access</source>
        <translation>计算可达性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access weighs each facility's capacity against the demand within its catchment (two-step floating catchment).</source>
        <translation>可达性按服务范围内的需求分摊各设施容量（两步移动搜索法）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catchment</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demand column</source>
        <translation>需求字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity column</source>
        <translation>容量字段</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Access per compound</source>
        <translation>小区可达性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity per facility</source>
        <translation>设施容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access per zone</source>
        <translation>片区可达性</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>standard ({metres:,.0f} m)</source>
        <translation>按标准（{metres:,.0f} m）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a roads layer to walk along the roads.</source>
        <translation>添加道路图层后可沿道路步行计算。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Demand value</source>
        <translation>需求数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Access per 1,000</source>
        <translation>每千人可得</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Received</source>
        <translation>分得供给</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Required</source>
        <translation>应配</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>Shortfall</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity value</source>
        <translation>容量数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demand in reach</source>
        <translation>范围内需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply per 1,000 in reach</source>
        <translation>范围内每千人供给</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply received</source>
        <translation>分得供给</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pooled</source>
        <translation>统筹</translation>
    </message>
</context>
<context>
    <name>AutosaveController</name>
    <message>
        <location filename="../../gui/autosave.py" line="+68"/>
        <source>Autosave interval…</source>
        <translation>自动保存间隔…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Autosave interval</source>
        <translation>自动保存间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between autosaves of unsaved work (0 = off):</source>
        <translation>未保存的工作每隔几分钟自动保存一次（0 = 关闭）：</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Autosaved at {time}</source>
        <translation>已于 {time} 自动保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Save refused</source>
        <translation>不能保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{text}

Use Save As to keep your changes in another file.</source>
        <translation>{text}

请用“另存为”把您的修改保存到另一个文件。</translation>
    </message>
</context>
<context>
    <name>BasemapController</name>
    <message>
        <location filename="../../gui/rasters/basemap.py" line="+20"/>
        <source>Online basemap…</source>
        <translation>在线底图…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The online basemap ({host}) cannot be reached: the map works without it.</source>
        <translation>无法连接在线底图（{host}）：地图在没有底图的情况下照常工作。</translation>
    </message>
</context>
<context>
    <name>BasemapDialog</name>
    <message>
        <location line="+9"/>
        <source>Online basemap</source>
        <translation>在线底图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off (the app stays offline)</source>
        <translation>关闭（软件保持离线）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>天地图 vector map with labels</source>
        <translation>天地图矢量图（含注记）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>天地图 imagery with labels</source>
        <translation>天地图影像图（含注记）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other tile server (XYZ URL)</source>
        <translation>其他瓦片服务（XYZ 地址）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>WGS 84 / CGCS2000 (天地图, OpenStreetMap, most servers)</source>
        <translation>WGS 84 / CGCS2000（天地图、OpenStreetMap 及多数服务）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCJ-02 (AMap/Gaode, Tencent): moved onto the map for display</source>
        <translation>GCJ-02（高德、腾讯）：显示时纠偏到地图上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off by default. When on, the app fetches map tiles from that one server and keeps them in its cache; the map page itself still goes nowhere. The 天地图 key stays in your settings on this computer, never in a project or an export.</source>
        <translation>默认关闭。开启后，软件只从所选的这一个服务器获取地图瓦片并保存在缓存中；地图页面本身仍不联网。天地图密钥只保存在本机的设置中，不会写入项目或导出文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>天地图 key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tile URL</source>
        <translation>瓦片地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit line</source>
        <translation>版权说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiles' coordinate system</source>
        <translation>瓦片坐标系</translation>
    </message>
</context>
<context>
    <name>CapacityPresetDialog</name>
    <message>
        <location filename="../../gui/access/preset_dialog.py" line="+44"/>
        <source>Capacities and provision standards</source>
        <translation>容量与配置标准</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measured in</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default capacity</source>
        <translation>默认容量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard: amount</source>
        <translation>标准：配置量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per</source>
        <translation>每</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>of</source>
        <translation>计量基数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pool in a zone</source>
        <translation>片区内统筹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard checked</source>
        <translation>标准已核对</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as my default</source>
        <translation>保存为我的默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the shipped values</source>
        <translation>恢复出厂值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Capacities are used where a facility has no capacity field; amber values are not yet checked against a standard. A standard of 0 computes no shortfall.</source>
        <translation>设施没有容量字段时使用默认容量；琥珀色的数值尚未与标准核对。配置量为 0 时不计算缺口。</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../gui/programme/catalogue_dialog.py" line="+32"/>
        <source>Edit catalogue</source>
        <translation>编辑内容目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>改造内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>计价单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit cost (yuan)</source>
        <translation>单价(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{channel} %</source>
        <translation>{channel} %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply to the programme</source>
        <translation>应用到改造计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unit costs in yuan, funding shares in percent (each item's add up to 100). Tick Checked once a value is checked against a price list.</source>
        <translation>单价以元计，资金渠道分担比例以百分数计（每项合计 100）。单价经造价资料核实后请勾选“已核实”。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the edited catalogue</source>
        <translation>编辑后的内容目录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save catalogue</source>
        <translation>保存内容目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue (*.json)</source>
        <translation>内容目录 (*.json)</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../gui/importing/checks_view.py" line="+18"/>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No geometry needed repair.</source>
        <translation>没有需要修复的几何。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Repairs&lt;/b&gt;</source>
        <translation>&lt;b&gt;修复&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Warnings&lt;/b&gt;</source>
        <translation>&lt;b&gt;警告&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>ConsentSwitch</name>
    <message>
        <location filename="../../gui/programme/consent_panel.py" line="+23"/>
        <source>Consent required to enter the plan (≥ 80 % agree)</source>
        <translation>纳入计划须经居民同意（同意率 ≥ 80%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On: a compound enters the plan only once its residents' agreement to enter has been counted and reaches the threshold; compounds not asked yet wait in the reserve (储备库). Off: every compound is taken as agreeing; typed or imported counts are kept for later.</source>
        <translation>勾选：小区须统计入库同意率并达到门槛才纳入计划，尚未征询的小区进入储备库。不勾选：所有小区均视为同意；已录入或导入的数据保留备用。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{unasked} of {n} compounds not asked yet: those with work wait in the reserve.</source>
        <translation>{n} 个小区中有 {unasked} 个尚未征询：其中有改造内容的进入储备库。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every compound is taken as agreeing ({asked} of {n} with counts, kept).</source>
        <translation>所有小区均视为同意（{n} 个小区中 {asked} 个已有征询数据，予以保留）。</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <location filename="../../gui/programme/dock.py" line="+165"/>
        <source>Item</source>
        <translation>改造内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>工程量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>计价单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost (yuan)</source>
        <translation>投资(元)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set counts</source>
        <translation>设定户数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Year of this zone</source>
        <translation>本片区实施年度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>of</source>
        <translation>户 / 总户数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Items</source>
        <translation>改造内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent and elevator vote</source>
        <translation>居民意愿与加装电梯表决</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a zone or a compound in the table to see its items.</source>
        <translation>在左侧表中选择片区或小区，查看并勾选其改造内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (shared by the zone)</source>
        <translation>（片区共建）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Proposed by the zone's shortfall against the provision standard, {m2} m², at least the item's size</source>
        <translation>按片区对照配置标准的缺口 {m2} m² 确定规模，且不小于该项目的最小规模</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed by the zone's households (no shortfall against a provision standard is known), at least the item's size</source>
        <translation>按片区户数确定规模（尚无对照配置标准的缺口），且不小于该项目的最小规模</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>by priority (not pinned)</source>
        <translation>按优先顺序（不固定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pinned to {year}</source>
        <translation>固定在 {year} 年</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <location filename="../../gui/presentation_bar.py" line="+41"/>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before / after (B)</source>
        <translation>改造前 / 后 (B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By year (Y)</source>
        <translation>按年度 (Y)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End (Esc)</source>
        <translation>结束 (Esc)</translation>
    </message>
</context>
<context>
    <name>CrsBox</name>
    <message>
        <location filename="../../gui/importing/crs_box.py" line="+36"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Standard lon/lat (WGS 84 / CGCS2000)</source>
        <translation>标准经纬度（WGS 84 / CGCS2000）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As detected</source>
        <translation>恢复自动识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget your choice and use what the file says</source>
        <translation>放弃手动选择，使用文件中的坐标系</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Candidate (most likely first)</source>
        <translation>候选坐标系（按可能性排序）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Search: 117E, 4548, Xian 1980, UTM 50 … or type an EPSG code</source>
        <translation>搜索：117E、4548、Xian 1980 …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Web-map coordinates:</source>
        <translation>互联网地图坐标：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose:</source>
        <translation>选择：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not known: choose the coordinate system below.</source>
        <translation>未知：请在下方选择坐标系。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not declared by the file: choose the coordinate system below.</source>
        <translation>文件未声明坐标系：请在下方选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The map shows the data as {crs} until then.</source>
        <translation>选定之前，地图按 {crs} 显示数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Marked as {datum}: shifted to WGS 84.</source>
        <translation>已标记为 {datum}：已纠偏至 WGS 84。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AMap (高德), Tencent and Baidu coordinates are offset by several hundred metres. Mark such a layer so it is shifted to WGS 84.</source>
        <translation>高德、腾讯和百度地图坐标有数百米偏移。请标记此类图层，以便纠偏至 WGS 84。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only lon/lat coordinates can be GCJ-02 or BD-09.</source>
        <translation>只有经纬度坐标才可能是 GCJ-02 或 BD-09。</translation>
    </message>
</context>
<context>
    <name>ElevatorPanel</name>
    <message>
        <location filename="../../gui/gaps/elevator_panel.py" line="+48"/>
        <source>No subsidy (residents pay all)</source>
        <translation>无补贴（居民全额承担）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (not yet checked)</source>
        <translation>{name}（尚未核实）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custom amount per elevator</source>
        <translation>自定义单台补贴</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one elevator per building</source>
        <translation>每栋 1 部电梯</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> floors and up</source>
        <translation> 层及以上</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+118"/>
        <source>Run the gap analysis with a buildings layer to count elevator needs.</source>
        <translation>添加建筑图层并运行缺项分析后，即可统计加装电梯需求。</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>By compound</source>
        <translation>按小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By zone</source>
        <translation>按片区</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walk-ups needing an elevator</source>
        <translation>需加装电梯的无电梯住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy rule</source>
        <translation>补贴标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy per elevator</source>
        <translation>单台补贴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan year</source>
        <translation>规划年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per elevator</source>
        <translation>单台造价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households per landing</source>
        <translation>一梯户数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This preset's amounts are not yet checked against the policy text; check them before using the estimate in a plan.</source>
        <translation>此预设的金额尚未与政策原文核对；在规划中使用此估算前请先核实。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The project has no buildings layer: add one with floors and elevator fields to count elevator needs.</source>
        <translation>项目中没有建筑图层：请添加含层数和电梯字段的建筑图层，以统计加装电梯需求。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Buildings of {floors}+ floors without an elevator: {buildings}; elevators needed: about {elevators}; households served: {households}. Cost {cost}, subsidy {subsidy}, residents' share {share} (about {per} yuan per household).</source>
        <translation>{floors} 层及以上无电梯建筑 {buildings} 栋，约需加装电梯 {elevators} 部，涉及 {households} 户。造价 {cost}，补贴 {subsidy}，居民分担 {share}（每户约 {per} 元）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings</source>
        <translation>楼栋数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Elevators</source>
        <translation>电梯数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost (10k yuan)</source>
        <translation>造价（万元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy (10k yuan)</source>
        <translation>补贴（万元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents' share (10k yuan)</source>
        <translation>居民分担（万元）</translation>
    </message>
</context>
<context>
    <name>EstimateDialog</name>
    <message>
        <location filename="../../gui/people/estimate_dialog.py" line="+60"/>
        <source>Estimate missing people counts</source>
        <translation>估算缺少的人口数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only empty cells are estimated: entered and surveyed values always win. Every estimate is marked with its source in the column beside it (…_来源).</source>
        <translation>只估算空白单元格：录入值和调查值始终优先。每个估算值都在旁边的列（…_来源）中注明来源。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as my default</source>
        <translation>存为我的默认值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Figures (editable)</source>
        <translation>参数（可编辑）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persons per household</source>
        <translation>户均人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dwelling share of floor area</source>
        <translation>住宅面积占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average dwelling size (m²)</source>
        <translation>套均建筑面积 (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Share aged 60+</source>
        <translation>60岁以上比例</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>Share aged 0-6</source>
        <translation>0-6岁比例</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Not yet checked against an official text.</source>
        <translation>尚未与官方文本核对。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Age shares by district (optional)</source>
        <translation>分区年龄比例（可选）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None: the shares above for every compound</source>
        <translation>无：所有小区都用上面的比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>District column: {name}</source>
        <translation>区/街道列：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>District</source>
        <translation>区/街道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Estimate from</source>
        <translation>估算依据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing (households not estimated)</source>
        <translation>无（不估算户数）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buildings: {name}</source>
        <translation>楼栋：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Floor area column: {name}</source>
        <translation>建筑面积列：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Population raster</source>
        <translation>人口栅格</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>60+ raster</source>
        <translation>60岁以上栅格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0-6 raster</source>
        <translation>0-6岁栅格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional GeoTIFF of people per cell (WorldPop-style)</source>
        <translation>可选：每格人数的 GeoTIFF（WorldPop 格式）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved as your default: {path}</source>
        <translation>已存为您的默认值：{path}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="+28"/>
        <location line="+83"/>
        <location line="+20"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>GeoPackage (.gpkg)</source>
        <translation>GeoPackage (.gpkg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shapefile (.shp)</source>
        <translation>Shapefile (.shp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KML (Google Earth, 奥维)</source>
        <translation>KML（Google Earth、奥维）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DXF (CAD)</source>
        <translation>DXF（CAD）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel report (.xlsx)</source>
        <translation>Excel 报表（.xlsx）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web map (offline .html)</source>
        <translation>网页地图（离线 .html）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project: {crs}</source>
        <translation>项目坐标系：{crs}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WGS 84 (longitude/latitude)</source>
        <translation>WGS 84（经纬度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCJ-02 (AMap / 奥维 basemaps)</source>
        <translation>GCJ-02（高德 / 奥维底图）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other EPSG code…</source>
        <translation>其他 EPSG 代码…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UTF-8 with .cpg</source>
        <translation>UTF-8（附 .cpg）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GBK (older ArcGIS)</source>
        <translation>GBK（旧版 ArcGIS）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shapefile encoding</source>
        <translation>Shapefile 编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the document</source>
        <translation>文档语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Renovation zones</source>
        <translation>改造片区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service gaps per compound</source>
        <translation>各小区服务缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings needing an elevator</source>
        <translation>需加装电梯的建筑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service areas (required distance)</source>
        <translation>服务范围（标准距离）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written:
{files}</source>
        <translation>已写入：
{files}</translation>
    </message>
</context>
<context>
    <name>ExportsController</name>
    <message>
        <location filename="../../gui/exports.py" line="+19"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map &amp;layout (PDF/PNG)…</source>
        <translation>地图排版（PDF/PNG）(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presentation mode</source>
        <translation>汇报演示模式(&amp;P)</translation>
    </message>
</context>
<context>
    <name>FacilityModel</name>
    <message>
        <location filename="../../gui/importing/facility_table.py" line="+51"/>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— not a facility of interest —</source>
        <translation>— 非关注设施 —</translation>
    </message>
</context>
<context>
    <name>FieldTable</name>
    <message>
        <location filename="../../gui/importing/field_table.py" line="+34"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values read (first rows)</source>
        <translation>读取的值（前几行）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(no readable values)</source>
        <translation>（无可读取的值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>GapMap</name>
    <message>
        <location filename="../../gui/gaps/drawing.py" line="+98"/>
        <source>walking along the roads</source>
        <translation>沿道路步行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>straight-line distance</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service gaps · {how}</source>
        <translation>服务缺项 · {how}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No gaps</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing {k}</source>
        <translation>缺 {k} 项</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{n} compounds, households: {hh}</source>
        <translation>{n} 个小区，{hh} 户</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>{n} compounds</source>
        <translation>{n} 个小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of missing services (of {total})</source>
        <translation>缺项数（共 {total} 项）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filtered: {n} of {total} compounds</source>
        <translation>已筛选：{total} 个小区中的 {n} 个</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Needs an elevator ({floors}+ floors, none yet) · {n} buildings</source>
        <translation>需加装电梯（{floors} 层及以上、尚无电梯）· {n} 栋</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Suggested sites</source>
        <translation>建议选址</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>New {type} · {k} sites</source>
        <translation>新建{type} · {k} 处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newly served · {n} compounds</source>
        <translation>新覆盖 · {n} 个小区</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{type} (existing) · {n}</source>
        <translation>{type}（现状）· {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{type} (planned) · {n}</source>
        <translation>{type}（规划）· {n}</translation>
    </message>
</context>
<context>
    <name>GapRows</name>
    <message>
        <location filename="../../gui/gaps/rows.py" line="+84"/>
        <source>Served (required ≤ {need} m)</source>
        <translation>已覆盖（标准 ≤ {need} 米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gap: none within {need} m</source>
        <translation>缺项：{need} 米内没有</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+37"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Gaps</source>
        <translation>缺项数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing services</source>
        <translation>缺少的服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Households affected</source>
        <translation>受影响户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 60+</source>
        <translation>60 岁以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 0-6</source>
        <translation>0-6 岁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built</source>
        <translation>建成年代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} (m)</source>
        <translation>{type}距离（m）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <source>Buildings needing an elevator</source>
        <translation>需加装电梯楼栋</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Their households</source>
        <translation>涉及户数</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Gaps after pooling</source>
        <translation>连片后缺项数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still missing after pooling</source>
        <translation>连片后仍缺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gained by pooling</source>
        <translation>连片后补齐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households newly served</source>
        <translation>新覆盖户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing in some compound</source>
        <translation>部分小区缺少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound gaps before</source>
        <translation>连片前小区缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound gaps after</source>
        <translation>连片后小区缺项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subsidy (10k yuan)</source>
        <translation>补贴（万元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents' share (10k yuan)</source>
        <translation>居民分担（万元）</translation>
    </message>
</context>
<context>
    <name>GapsController</name>
    <message>
        <location filename="../../gui/gaps/controller.py" line="+67"/>
        <location line="+177"/>
        <source>Service gaps</source>
        <translation>服务缺项</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Gap tables</source>
        <translation>缺项表</translation>
    </message>
    <message>
        <location filename="../../gui/access/controller.py" line="-174"/>
        <location filename="../../gui/gaps/controller.py" line="+23"/>
        <source>&amp;Gaps</source>
        <translation>缺项(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/gaps/controller.py" line="+2"/>
        <source>Analyse service gaps</source>
        <translation>分析服务缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up ranking…</source>
        <translation>体检排名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest sites for new facilities…</source>
        <translation>新建设施选址建议…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export gap table…</source>
        <translation>导出缺项表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear gaps from the map</source>
        <translation>从地图清除缺项</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The data changed since this analysis: press Analyse gaps to update it.</source>
        <translation>分析后数据已更改：请点击“分析缺项”更新。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Measuring distances…</source>
        <translation>正在测算距离…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cancelled; the map shows the previous result, if any.</source>
        <translation>已取消；地图上保留之前的结果（如有）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>walking along the roads</source>
        <translation>沿道路步行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>straight lines from each compound's boundary</source>
        <translation>自小区边界的直线距离</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{compounds}, {facilities}, distances {how}: {seconds:.2f} s.</source>
        <translation>{compounds}、{facilities}，距离：{how}，用时 {seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} compounds</source>
        <translation>{n} 个小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} facilities</source>
        <translation>{n} 处设施</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network {network:.2f} s, distances {gaps:.2f} s.</source>
        <translation>路网 {network:.2f} 秒，距离 {gaps:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Elevators</source>
        <translation>加装电梯</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Press Analyse gaps to find which compounds lack which services.</source>
        <translation>点击“分析缺项”，查看各小区缺少哪些服务。</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+13"/>
        <location line="+27"/>
        <source>Analyse the gaps first.</source>
        <translation>请先分析缺项。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Planned facilities</source>
        <translation>规划设施</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>planned in the siting dialog</source>
        <translation>在选址对话框中规划</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the gap table into folder</source>
        <translation>将缺项表导出到文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting the gap table</source>
        <translation>正在导出缺项表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written: {files}</source>
        <translation>已写入：{files}</translation>
    </message>
</context>
<context>
    <name>GapsDock</name>
    <message>
        <location filename="../../gui/gaps/dock.py" line="+50"/>
        <source>Walking distance along the roads</source>
        <translation>沿道路的步行距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Straight-line distance</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Analyse gaps</source>
        <translation>分析缺项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Analyse gaps to find which compounds lack which services.</source>
        <translation>点击“分析缺项”，查看各小区缺少哪些服务。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>List only compounds lacking it</source>
        <translation>仅列出缺少该服务的小区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only compounds built in {year} or before</source>
        <translation>仅 {year} 年及以前建成的小区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Households ≥ </source>
        <translation>户数 ≥ </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour compounds by number of gaps</source>
        <translation>按缺项数为小区着色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark buildings that need an elevator</source>
        <translation>标出需加装电梯的建筑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No renovation zones yet: merge compounds into zones (Zones menu) to see what pooling services gains.</source>
        <translation>尚无改造片区：将小区合并为片区（“片区”菜单），即可查看连片改造、共享服务的效果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check-up ranking…</source>
        <translation>体检排名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest sites…</source>
        <translation>选址建议…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export gap table…</source>
        <translation>导出缺项表…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Distances</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Map and filters</source>
        <translation>地图与筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight in red</source>
        <translation>红色高亮</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compounds lacking each service (click a row to highlight it)</source>
        <translation>各项服务的缺项小区（点击行可高亮显示）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevators</source>
        <translation>加装电梯</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required (m)</source>
        <translation>标准距离（m）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lacking</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households lacking</source>
        <translation>缺少服务户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly / children lacking</source>
        <translation>缺少服务的老人 / 儿童</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The project has no roads layer, so distances are straight lines from each compound's boundary.</source>
        <translation>项目中没有道路图层，距离按小区边界起算的直线距离计算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walks follow the roads layer “{name}” from the compound gates (or boundary). A walk is longer than the straight line wherever a river, a wall or a missing path forces a detour, so more compounds lack a service than in straight-line mode.</source>
        <translation>沿道路图层“{name}”从小区出入口（或边界）步行计算。遇到河流、围墙或道路不通需要绕行时，步行距离比直线距离长，因此缺少服务的小区比直线距离模式多。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Straight lines from each compound's boundary ignore rivers, walls and detours; choose walking distance to see them.</source>
        <translation>自小区边界起算的直线距离不考虑河流、围墙和绕行；如需考虑，请选择步行距离。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>GapsWording</name>
    <message>
        <location filename="../../gui/gaps/wording.py" line="+27"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(some facilities serve {radii} m)</source>
        <translation>（部分设施服务半径为 {radii} 米）</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gui/help.py" line="+30"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <location line="+24"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../gui/identify.py" line="+18"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{m2} m² ({ha} ha)</source>
        <translation>{m2} m²（{ha} ha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../gui/importing/controller.py" line="+61"/>
        <source>Add data…</source>
        <translation>添加数据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a Shapefile, GeoPackage, GeoJSON, KML, DXF, CSV or Excel layer (or drop files onto the window)</source>
        <translation>添加 Shapefile、GeoPackage、GeoJSON、KML、DXF、CSV 或 Excel 图层（也可将文件拖入窗口）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add File Geodatabase folder…</source>
        <translation>添加文件地理数据库（.gdb）文件夹…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All supported data</source>
        <translation>所有支持的数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raster image or tile cache (GeoTIFF, JPG/PNG with world file, MBTiles)</source>
        <translation>栅格影像或瓦片缓存（GeoTIFF、带坐标文件的 JPG/PNG、MBTiles）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shapefile</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zipped shapefile or dataset</source>
        <translation>Shapefile 或数据集压缩包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KML / KMZ</source>
        <translation>KML / KMZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPX (GPS waypoints, routes, tracks)</source>
        <translation>GPX（GPS 航点、路线、轨迹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Geodatabase (any file inside the .gdb folder)</source>
        <translation>文件地理数据库（.gdb 文件夹中的任一文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AutoCAD DXF</source>
        <translation>AutoCAD DXF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV point table</source>
        <translation>CSV 点表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel point table</source>
        <translation>Excel 点表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+46"/>
        <source>Add data</source>
        <translation>添加数据</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Add File Geodatabase folder</source>
        <translation>添加文件地理数据库文件夹</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Adding {name}</source>
        <translation>正在添加 {name}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/importing/dialog.py" line="+57"/>
        <source>Add data — {name}</source>
        <translation>添加数据 — {name}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Dataset and coordinates</source>
        <translation>数据集与坐标系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer and fields</source>
        <translation>图层与字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repairs and warnings</source>
        <translation>修复与警告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview (bold: mapped fields as they will be read)</source>
        <translation>预览（粗体：已对应字段的读取结果）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add to project</source>
        <translation>添加到项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds:</source>
        <translation>图层类型：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field mapping</source>
        <translation>字段对应</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Facility types (click a type to correct it)</source>
        <translation>设施类型（点击类型可修改）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Repairs and warnings ({n})</source>
        <translation>修复与警告（{n}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recognised by: {reasons}</source>
        <translation>识别依据：{reasons}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the file again…</source>
        <translation>正在重新读取文件…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the layer a name.</source>
        <translation>请为图层命名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose it under “Web-map coordinates” (tab “Dataset and coordinates”); the map shows the shifted data.</source>
        <translation>请在“数据集与坐标系”页的“互联网地图坐标”中选择；地图将显示纠偏后的数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordinate system was inferred from the coordinates: &lt;b&gt;{crs}&lt;/b&gt;. Check on the map that the data lands where it should.</source>
        <translation>坐标系是根据坐标数值推断的：&lt;b&gt;{crs}&lt;/b&gt;。请在地图上检查数据位置是否正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} features ready to add as {role}.</source>
        <translation>{n} 个要素，将作为“{role}”图层添加。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Choose the coordinate system&lt;/b&gt; (tab “Dataset and coordinates”) before the layer can be added.</source>
        <translation>添加图层前，请先&lt;b&gt;选择坐标系&lt;/b&gt;（“数据集与坐标系”页）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The numbers fit several systems (e.g. an easting near 500,000 m fits every Gauss-Krüger zone); the candidates are listed most likely first, and the map shows where the one you pick puts the data.</source>
        <translation>这些数值符合多个坐标系（例如东坐标接近 500,000 米时符合任一高斯-克吕格投影带）；候选坐标系按可能性排序，地图会显示所选坐标系下数据的位置。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Which coordinate system?&lt;/b&gt; The file holds lon/lat in China but does not say in which system. GCJ-02 (AMap, Tencent) and BD-09 (Baidu) web-map coordinates lie several hundred metres from CGCS2000 / WGS 84.</source>
        <translation>&lt;b&gt;这是哪种坐标系？&lt;/b&gt;文件中是中国境内的经纬度，但没有说明所用坐标系。GCJ-02（高德、腾讯）和 BD-09（百度）互联网地图坐标与 CGCS2000 / WGS 84 相差数百米。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CGCS2000 is selected (tab “Dataset and coordinates”): “Add to project” takes it; pick another candidate if the data comes from a web map.</source>
        <translation>已选中 CGCS2000（“数据集与坐标系”页）：点“添加到项目”即采用它；如果数据来自互联网地图，请选择其他候选坐标系。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick a candidate (tab “Dataset and coordinates”); the map shows where it puts the data.</source>
        <translation>请选择一个候选坐标系（“数据集与坐标系”页）；地图会显示数据落在何处。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The file cannot be read as {encoding}, so the previous encoding is kept. ({reason})</source>
        <translation>无法按 {encoding} 读取该文件，已保留之前的编码。（{reason}）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Save import preset</source>
        <translation>保存导入预设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preset name (e.g. 住建局小区台账):</source>
        <translation>预设名称（如“住建局小区台账”）：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The preset names columns this file does not have: {columns}. They were left unmapped.</source>
        <translation>预设中的列在此文件中不存在：{columns}。这些字段未作对应。</translation>
    </message>
</context>
<context>
    <name>ImportWording</name>
    <message>
        <location filename="../../gui/importing/wording.py" line="+24"/>
        <source>Invalid geometries repaired</source>
        <translation>已修复无效几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapsed geometries dropped</source>
        <translation>已舍弃退化几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty geometries dropped</source>
        <translation>已舍弃空几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z values dropped</source>
        <translation>已舍弃 Z 值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M values dropped</source>
        <translation>已舍弃 M 值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features of another geometry type dropped</source>
        <translation>已舍弃其他几何类型的要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate geometries (kept, flagged)</source>
        <translation>重复几何（已保留并标记）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features out of range dropped</source>
        <translation>已舍弃超出范围的要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing .shx index rebuilt</source>
        <translation>已重建缺失的 .shx 索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features cut off in a truncated .shp dropped</source>
        <translation>已舍弃截断的 .shp 中不完整的要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows without coordinates dropped</source>
        <translation>已舍弃无坐标的行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi-points</source>
        <translation>多点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi-lines</source>
        <translation>多线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multi-polygons</source>
        <translation>多面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed geometries</source>
        <translation>混合几何</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from the .prj file</source>
        <translation>来自 .prj 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the file's metadata</source>
        <translation>来自文件元数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inferred from the coordinates</source>
        <translation>根据坐标数值推断</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>your choice</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>from the .cpg file</source>
        <translation>来自 .cpg 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the DBF header</source>
        <translation>来自 DBF 文件头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>detected from the text</source>
        <translation>根据文本检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fixed by the format</source>
        <translation>由格式规定</translation>
    </message>
</context>
<context>
    <name>JoinOptions</name>
    <message>
        <location filename="../../gui/people/join_options.py" line="+16"/>
        <source>Join a survey table</source>
        <translation>关联调查表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By compound name (小区名称)</source>
        <translation>按小区名称匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By address (地址)</source>
        <translation>按地址匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No address column</source>
        <translation>无地址字段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With names, an address on both sides settles a name several compounds share.</source>
        <translation>按名称匹配时，若双方都有地址，可用地址区分同名小区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compounds' address column</source>
        <translation>小区的地址字段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Match the rows of {file}:</source>
        <translation>{file} 的各行如何与小区匹配：</translation>
    </message>
</context>
<context>
    <name>JoinReview</name>
    <message>
        <location filename="../../gui/people/review.py" line="+58"/>
        <source>Review the survey join — {file}</source>
        <translation>核对调查表关联 — {file}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rows to review</source>
        <translation>待核对的行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name in the table</source>
        <translation>表中名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this compound</source>
        <translation>采用此小区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip this row</source>
        <translation>跳过此行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candidates are outlined on the map. Click another compound on the map to pick it.</source>
        <translation>候选小区已在地图上勾出。在地图上点击其他小区可改选。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Table row</source>
        <translation>表中此行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates</source>
        <translation>候选小区</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Join</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answered</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>matched ({score:g})</source>
        <translation>已匹配（{score:g}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambiguous</source>
        <translation>待定（多个候选）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{rows} table rows: {joined} will be joined, {waiting} still to review (ambiguous, unmatched or near).</source>
        <translation>表中共 {rows} 行：{joined} 行将关联，{waiting} 行待核对（待定、未匹配或近似）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>negative</source>
        <translation>负数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} (skipped: {reason})</source>
        <translation>{value}（已跳过：{reason}）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>picked</source>
        <translation>手选</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../gui/layer_panel.py" line="+77"/>
        <source>Move layer up</source>
        <translation>上移图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move layer down</source>
        <translation>下移图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+218"/>
        <source>Style…</source>
        <translation>样式…</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+189"/>
        <location line="+20"/>
        <source>Zoom to layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Open attribute table</source>
        <translation>打开属性表</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Locate file…</source>
        <translation>查找文件…</translation>
    </message>
    <message>
        <location filename="../../gui/rasters/panel_items.py" line="+37"/>
        <source>{name}  (file not found)</source>
        <translation>{name}（找不到文件）</translation>
    </message>
</context>
<context>
    <name>LayoutDialog</name>
    <message>
        <location filename="../../gui/layout/dialog.py" line="+28"/>
        <source>Map layout</source>
        <translation>地图排版</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview inset</source>
        <translation>位置示意图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access table (population, capacity, access, shortfall)</source>
        <translation>可达性表（人口、容量、可达性、缺口）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data source (default: the layer names)</source>
        <translation>默认为图层名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 鲁SG(2024)001号; empty: not printed</source>
        <translation>例如 鲁SG(2024)001号；留空则不打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (300 dpi)</source>
        <translation>PNG（300 dpi）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map review number (审图号)</source>
        <translation>审图号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export map layout</source>
        <translation>导出地图排版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting the map layout</source>
        <translation>正在导出地图排版</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>LegendTree</name>
    <message>
        <location filename="../../gui/lifecircles/legend.py" line="+104"/>
        <source>{n} facilities</source>
        <translation>{n} 处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} ({facilities})</source>
        <translation>{type}（{facilities}）</translation>
    </message>
</context>
<context>
    <name>LifeCircles</name>
    <message>
        <location filename="../../gui/lifecircles/wording.py" line="+43"/>
        <source>{inner}–{outer} m</source>
        <translation>{inner}–{outer} 米</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>≤ {outer} m</source>
        <translation>≤ {outer} 米</translation>
    </message>
</context>
<context>
    <name>LifeCirclesController</name>
    <message>
        <location filename="../../gui/lifecircles/controller.py" line="+62"/>
        <location line="+100"/>
        <location line="+111"/>
        <location line="+142"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location line="-341"/>
        <source>&amp;Life circles</source>
        <translation>生活圈(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute service areas</source>
        <translation>计算服务范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life-circle standards…</source>
        <translation>生活圈标准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the walking network</source>
        <translation>显示步行路网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add service areas to the project as a layer</source>
        <translation>将服务范围添加为项目图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear life circles</source>
        <translation>清除生活圈</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The facilities or roads changed since these areas were computed: press Compute to update them.</source>
        <translation>计算后设施或道路已更改：请点击“计算服务范围”更新。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Computing service areas…</source>
        <translation>正在计算服务范围…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Computing service areas… {type} drawn.</source>
        <translation>正在计算服务范围…已绘出{type}。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cancelled; the map shows the previous result, if any.</source>
        <translation>已取消；地图上保留之前的结果（如有）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>along the walking network</source>
        <translation>沿步行路网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>straight-line buffers</source>
        <translation>直线缓冲区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{facilities} of {types}, {mode}: {seconds:.2f} s.</source>
        <translation>{types}共 {facilities}，{mode}：{seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} facilities</source>
        <translation>{n} 处设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} types</source>
        <translation>{n} 类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inputs unchanged: the stored result was reused.</source>
        <translation>输入未变，已复用保存的结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distances {d:.2f} s, polygons {p:.2f} s.</source>
        <translation>距离计算 {d:.2f} 秒，面生成 {p:.2f} 秒。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Piece {piece} ({edges} edges)</source>
        <translation>子网 {piece}（{edges} 条边）</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Planned sites drawn in: {types} redrawn in {seconds:.2f} s.</source>
        <translation>规划设施已绘入：{types} 已重绘，用时 {seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Life circles · walking network</source>
        <translation>生活圈 · 步行路网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life circles · straight line</source>
        <translation>生活圈 · 直线距离</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose the facilities and press Compute.</source>
        <translation>选择设施图层后点击“计算服务范围”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compute service areas first.</source>
        <translation>请先计算服务范围。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>network</source>
        <translation>路网</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life circles ({mode})</source>
        <translation>生活圈服务范围（{mode}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>computed</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added the layer “{name}”: it is saved and exported with the project.</source>
        <translation>已添加图层“{name}”：它将随项目保存和导出。</translation>
    </message>
</context>
<context>
    <name>LifeCirclesDock</name>
    <message>
        <location filename="../../gui/lifecircles/dock.py" line="+27"/>
        <source>Choose the facilities and press Compute.</source>
        <translation>选择设施图层后点击“计算服务范围”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Outline the radius each type must serve (dashed)</source>
        <translation>以虚线标出各类设施按标准应服务的半径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to project as a layer</source>
        <translation>添加为项目图层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bands (5/10/15-minute life circles)</source>
        <translation>圈层（5/10/15 分钟生活圈）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking network</source>
        <translation>步行路网</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+44"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to all layers</source>
        <translation>缩放至全部图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to selection</source>
        <translation>缩放至所选要素</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pan / click select</source>
        <translation>平移 / 点选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Box select</source>
        <translation>框选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lasso select</source>
        <translation>套索选择</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoom to all</source>
        <translation>全图</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Attribute table — {name}</source>
        <translation>属性表 — {name}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Old Compound Renewal Planner

Plan the renovation of old residential compounds: renovation zones, 5/10/15-minute life circles, service gaps and elevators.
Map display in WGS 84; measurements in {crs}.</source>
        <translation>老旧小区改造规划

规划老旧小区改造：改造片区、5/10/15 分钟生活圈、服务缺项与加装电梯。
地图以 WGS 84 显示；量算采用 {crs}。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Old Compound Renewal Planner</source>
        <translation>老旧小区改造规划</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../gui/lifecircles/legend.py" line="+86"/>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Radius required by the standard</source>
        <translation>标准要求的服务半径</translation>
    </message>
</context>
<context>
    <name>MapStatusBar</name>
    <message>
        <location filename="../../gui/status.py" line="+52"/>
        <source>Lon {lon:.6f}°  Lat {lat:.6f}°</source>
        <translation>经度 {lon:.6f}°  纬度 {lat:.6f}°</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scale 1:{n}</source>
        <translation>比例尺 1:{n}</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../../gui/lifecircles/network_panel.py" line="+29"/>
        <source>Show the walking network (coloured by connected piece)</source>
        <translation>显示步行路网（按连通子网着色）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No network yet: compute in network mode.</source>
        <translation>尚无路网：请以路网模式计算。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No network in this result (buffer mode).</source>
        <translation>本结果没有路网（缓冲区模式）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nodes {nodes}, edges {edges}, connected pieces {pieces}.</source>
        <translation>{nodes} 个节点，{edges} 条边，{pieces} 个连通子网。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built from road lines (within {tol} m): line ends snapped {snapped}, dead ends joined {joined}, crossings split {split}, parts left out {dropped}.</source>
        <translation>由道路线构建：{tol} 米内吸附端点 {snapped} 个、连接断头 {joined} 个，在交叉处打断 {split} 处，舍弃 {dropped} 段。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} pieces are not connected to the main network; walks cannot leave them:</source>
        <translation>{count} 个子网与主路网不连通，步行无法走出：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piece {piece}: edges {edges}, nodes {nodes}, {length} m</source>
        <translation>子网 {piece}：{edges} 条边，{nodes} 个节点，{length} 米</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Walkable ways of the OSM file: {ways} ways read.</source>
        <translation>OSM 文件中的可步行道路：读取 {ways} 条。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>… and {more} more</source>
        <translation>… 另有 {more} 个</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../gui/lifecircles/options.py" line="+37"/>
        <source>Straight line (buffer)</source>
        <translation>直线距离（缓冲区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Along the walking network</source>
        <translation>沿步行路网</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OSM…</source>
        <translation>OSM…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the walkable ways of an OpenStreetMap file (.osm, .osm.pbf)</source>
        <translation>使用 OpenStreetMap 文件（.osm、.osm.pbf）中的可步行道路</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walking distance</source>
        <translation>步行距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking time (minutes × speed)</source>
        <translation>步行时间（分钟 × 步速）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Standards…</source>
        <translation>标准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute service areas</source>
        <translation>计算服务范围</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measure</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Walking network</source>
        <translation>步行路网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join road ends within</source>
        <translation>道路端点吸附距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street band half-width</source>
        <translation>步行带半宽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Life circles by</source>
        <translation>生活圈依据</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>(no facility layer)</source>
        <translation>（无设施图层）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>OSM: {name}</source>
        <translation>OSM：{name}</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>(no road layer: choose an OSM file)</source>
        <translation>（无道路图层：请选择 OSM 文件）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Walking network from OpenStreetMap</source>
        <translation>从 OpenStreetMap 读取步行路网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenStreetMap (*.osm *.pbf *.osm.pbf *.osm.bz2)</source>
        <translation>OpenStreetMap (*.osm *.pbf *.osm.pbf *.osm.bz2)</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../../gui/people/controller.py" line="+67"/>
        <source>&amp;People</source>
        <translation>人口(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join a survey table…</source>
        <translation>关联调查表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimate missing people counts…</source>
        <translation>估算缺少的人口数…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+15"/>
        <location line="+37"/>
        <location line="+28"/>
        <source>Join a survey table</source>
        <translation>关联调查表</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Join needs a compounds layer with a name field: add one (File ▸ Add data…) or map its name column in the layer's fields.</source>
        <translation>关联需要带名称字段的小区图层：请添加（文件 ▸ 添加数据…），或在图层字段中指定名称列。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Survey table (小区名称, 户数, 常住人口 …)</source>
        <translation>调查表（小区名称、户数、常住人口 …）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Matching the survey table…</source>
        <translation>正在匹配调查表…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which column holds the addresses?</source>
        <translation>哪一列是地址？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which column holds the compound names?</source>
        <translation>哪一列是小区名称？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No column of {file} is named like an address (地址). Choose it:</source>
        <translation>{file} 中没有名为“地址”之类的列，请选择：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No column of {file} is named like a compound name (小区名称). Choose it:</source>
        <translation>{file} 中没有名为小区名称的列。请选择：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The compounds layer changed while the join was being reviewed; nothing was joined. Join the table again.</source>
        <translation>核对期间小区图层已改变，未进行关联。请重新关联调查表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Join {file}</source>
        <translation>关联 {file}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{joined} of {rows} table rows joined to compounds.</source>
        <translation>表中 {rows} 行有 {joined} 行已关联到小区。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>Estimate missing people counts</source>
        <translation>估算缺少的人口数</translation>
    </message>
    <message>
        <location line="-121"/>
        <location line="+101"/>
        <source>Add a compounds layer first (File ▸ Add data…).</source>
        <translation>请先添加小区图层（文件 ▸ 添加数据…）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Estimate people counts</source>
        <translation>估算人口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People counts estimated for {name}.</source>
        <translation>已为 {name} 估算人口数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Estimating people counts…</source>
        <translation>正在估算人口数…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The compounds have no households or residents to estimate from. Choose their buildings or a floor area column under Households, or give a population raster.</source>
        <translation>小区没有可据以估算的户数或常住人口。请在“户数”处选择建筑图层或建筑面积字段，或提供人口栅格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The buildings have no floors field, so their floor area is unknown. Map the column that holds the floors in the buildings layer's fields.</source>
        <translation>建筑图层没有层数字段，无法算出建筑面积。请在建筑图层的字段设置中指定层数所在的列。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>… and {n} more notes.</source>
        <translation>… 另有 {n} 条提示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People</source>
        <translation>人口</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../gui/programme/dock.py" line="-215"/>
        <source>none (spread evenly)</source>
        <translation>不设（平均分配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (10,000 yuan)</source>
        <translation> 万元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no target</source>
        <translation>不设</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply years and budget</source>
        <translation>应用年度与预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan the programme</source>
        <translation>编制改造计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import consent table…</source>
        <translation>导入居民意愿表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load catalogue…</source>
        <translation>载入内容目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit catalogue…</source>
        <translation>编辑内容目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export programme workbook…</source>
        <translation>导出改造计划表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone proposal (A3)…</source>
        <translation>片区改造方案图（A3）…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>资金渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Years</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual budget</source>
        <translation>年度预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households a year, at most</source>
        <translation>年度改造户数上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds a year, at most</source>
        <translation>年度改造小区数上限</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Funding by channel</source>
        <translation>资金筹措</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notices</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{year}: {cost}, {zones} zones</source>
        <translation>{year} 年：{cost}，{zones} 个片区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Total investment: {total}&lt;/b&gt;&lt;br&gt;scheduled {scheduled}, held back {held}&lt;br&gt;{per} yuan per household · compounds in reserve: {reserve} · zones unscheduled: {left}</source>
        <translation>&lt;b&gt;总投资：{total}&lt;/b&gt;&lt;br&gt;已排入年度 {scheduled}，暂缓 {held}&lt;br&gt;户均 {per} 元 · 储备库 {reserve} 个小区 · 未排入年度 {left} 个片区</translation>
    </message>
</context>
<context>
    <name>PlanTables</name>
    <message>
        <location line="+145"/>
        <location line="+5"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+7"/>
        <location line="+3"/>
        <source>Year</source>
        <translation>实施年度</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Rank</source>
        <translation>体检排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+3"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+5"/>
        <location line="+5"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+4"/>
        <location line="+6"/>
        <source>Investment (10,000 yuan)</source>
        <translation>投资(万元)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Per household (yuan)</source>
        <translation>户均(元/户)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compound</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agree to enter</source>
        <translation>入库同意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve</source>
        <translation>储备库</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Zones scheduled</source>
        <translation>当年实施片区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Years</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{channel} (10,000 yuan)</source>
        <translation>{channel}（万元）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PlanWording</name>
    <message>
        <location filename="../../gui/programme/wording.py" line="+43"/>
        <source>Agree to enter the plan</source>
        <translation>同意纳入计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the design</source>
        <translation>同意设计方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied at acceptance</source>
        <translation>验收满意</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <location filename="../../gui/presentation.py" line="+351"/>
        <source>Plan the programme first (Plan menu).</source>
        <translation>请先编制改造计划（改造计划菜单）。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Before the plan</source>
        <translation>改造前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After the plan</source>
        <translation>改造后</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Preparing the presentation</source>
        <translation>正在准备汇报演示</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Renovation plan</source>
        <translation>改造规划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zone {k} of {n}</source>
        <translation>片区 {k} / {n}</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location line="-355"/>
        <source>Presentation</source>
        <translation>汇报演示</translation>
    </message>
</context>
<context>
    <name>PreviewMap</name>
    <message>
        <location filename="../../gui/importing/preview.py" line="+153"/>
        <source>Choose the coordinate system: the map then shows where the data lands.</source>
        <translation>请选择坐标系，地图随后会显示数据所在位置。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>first {n} of {total} features</source>
        <translation>共 {total} 个要素中的前 {n} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all {n} features</source>
        <translation>全部 {n} 个要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent (WGS 84): {x0:.5f}–{x1:.5f}°E, {y0:.5f}–{y1:.5f}°N; map: {shown}</source>
        <translation>范围（WGS 84）：东经 {x0:.5f}–{x1:.5f}°，北纬 {y0:.5f}–{y1:.5f}°；地图显示：{shown}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orange: this file; grey: layers already in the project.</source>
        <translation>橙色：本文件；灰色：项目中已有的图层。</translation>
    </message>
</context>
<context>
    <name>ProgrammeController</name>
    <message>
        <location filename="../../gui/programme/controller.py" line="+51"/>
        <location line="+144"/>
        <location line="+131"/>
        <location line="+36"/>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+27"/>
        <source>Renovation programme</source>
        <translation>改造计划</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>Programme tables</source>
        <translation>改造计划表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Plan</source>
        <translation>改造计划(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan the programme</source>
        <translation>编制改造计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import consent table…</source>
        <translation>导入居民意愿表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load catalogue…</source>
        <translation>载入内容目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit catalogue…</source>
        <translation>编辑内容目录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export programme workbook…</source>
        <translation>导出改造计划表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone proposal (A3)…</source>
        <translation>片区改造方案图（A3）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the programme from the map</source>
        <translation>从地图清除改造计划</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Press Plan the programme to propose contents, costs and years.</source>
        <translation>点击“编制改造计划”，生成改造内容、投资与年度安排。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The zones or layers changed: press Plan the programme to plan them again (your edits are kept).</source>
        <translation>片区或图层已变更：请点击“编制改造计划”重新编制（已做的修改会保留）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Load a compounds layer first (File &gt; Add data).</source>
        <translation>请先加载小区图层（文件 &gt; 添加数据）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+178"/>
        <source>The first year comes after the last one.</source>
        <translation>起始年度晚于结束年度。</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Planning…</source>
        <translation>正在编制…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Zone {name}: {cost}</source>
        <translation>片区 {name}：{cost}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compound {name} ({id}): {cost}</source>
        <translation>小区 {name}（{id}）：{cost}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Renovation programme by year</source>
        <translation>改造计划 · 实施年度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year}</source>
        <translation>{year} 年</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no room in the years' budget</source>
        <translation>年度预算不足，待后续年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve (储备库): waiting for consent</source>
        <translation>储备库：待居民同意</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{year} · {n} compounds · {cost}</source>
        <translation>{year} 年 · {n} 个小区 · {cost}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No room in the years' budget</source>
        <translation>年度预算不足，待后续年度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserve (储备库) · {n} compounds</source>
        <translation>储备库 · {n} 个小区</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Tick {item} on</source>
        <translation>勾选 {item}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tick {item} off</source>
        <translation>取消 {item}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pin {zone} to {year}</source>
        <translation>将 {zone} 固定在 {year} 年</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Years {first}–{last}, budget {budget}</source>
        <translation>计划年度 {first}–{last}，年度预算 {budget}</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+14"/>
        <source>Import consent table</source>
        <translation>导入居民意愿表</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+29"/>
        <location line="+15"/>
        <source>Load catalogue</source>
        <translation>载入内容目录</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Planned in {seconds:.2f} s: compounds {compounds}, zones {zones}.</source>
        <translation>已编制 {zones} 个片区、{compounds} 个小区，用时 {seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>Tables (*.csv *.xlsx *.xls)</source>
        <translation>表格 (*.csv *.xlsx *.xls)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Catalogue (*.json)</source>
        <translation>内容目录 (*.json)</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+11"/>
        <source>Export programme workbook</source>
        <translation>导出改造计划表</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Written: {path}</source>
        <translation>已写出：{path}</translation>
    </message>
<message>
        <location line="+16"/>
        <source>Agree must lie between 0 and the total, and the total must be above 0.</source>
        <translation>同意户数应在 0 与总户数之间，且总户数应大于 0。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent of {name}</source>
        <translation>{name} 的居民意愿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consent is now required to enter the plan: {n} compounds not asked yet wait in the reserve. Untick the switch to take them as agreeing.</source>
        <translation>现已要求居民同意方可纳入计划：{n} 个尚未征询的小区进入储备库。取消勾选开关即视其为同意。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consent required</source>
        <translation>要求居民同意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent not required</source>
        <translation>不要求居民同意</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Elevator vote of {name}</source>
        <translation>{name} 加装电梯表决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent table: {matched} rows used, {left} left out.</source>
        <translation>居民意愿表：采用 {matched} 行，舍去 {left} 行。</translation>
    </message>
    </context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../gui/project_controller.py" line="+28"/>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo district</source>
        <translation>打开示例街区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>项目有未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opening the demo district</source>
        <translation>正在打开示例街区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects (*.gpkg);;All files (*)</source>
        <translation>项目文件 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opening {name}</source>
        <translation>正在打开 {name}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Opened with problems</source>
        <translation>打开时发现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was changed by another program. What could be read is open; this could not be restored:</source>
        <translation>{path} 被其他程序改动过。能读取的内容已经打开；以下内容无法恢复：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects (*.gpkg)</source>
        <translation>项目文件 (*.gpkg)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <location filename="../../gui/programme/proposal_dialog.py" line="+26"/>
        <source>Zone proposal (A3)</source>
        <translation>片区改造方案图（A3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PDF (vector)</source>
        <translation>PDF（矢量）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (300 dpi)</source>
        <translation>PNG（300 dpi）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export zone proposal</source>
        <translation>导出片区改造方案图</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting the zone proposal</source>
        <translation>正在导出片区改造方案图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>RankingDialog</name>
    <message>
        <location filename="../../gui/gaps/ranking_dialog.py" line="+43"/>
        <source>Lacks {type}</source>
        <translation>缺{type}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check-up ranking (先体检、后改造)</source>
        <translation>体检排名（先体检、后改造）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rank only compounds built in or before</source>
        <translation>仅排名此年份及以前建成的小区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include compounds of unknown year</source>
        <translation>包括建成年代不详的小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save weights as my default</source>
        <translation>将权重保存为我的默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped weights</source>
        <translation>内置权重</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Indicators and weights (0 = not used)</source>
        <translation>指标与权重（0 = 不使用）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Priority list (click a row to zoom to the compound)</source>
        <translation>优先序列（点击行可缩放至小区）</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built</source>
        <translation>建成年代</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n:,} compounds built in {year} or before ranked; the score is 0–100 (100 = most in need).</source>
        <translation>已对 {n:,} 个 {year} 年及以前建成的小区排名；得分为 0–100（100 = 最需改造）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n:,} compounds of any year ranked; the score is 0–100 (100 = most in need).</source>
        <translation>已对 {n:,} 个小区（不限建成年代）排名；得分为 0–100（100 = 最需改造）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved as your default: {path}</source>
        <translation>已保存为默认值：{path}</translation>
    </message>
</context>
<context>
    <name>RasterController</name>
    <message>
        <location filename="../../gui/rasters/controller.py" line="+40"/>
        <source>Add raster / imagery…</source>
        <translation>添加栅格 / 影像…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Raster file not found</source>
        <translation>找不到栅格文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file of raster layer {name} is not where it was:
{path}

Locate it now? The layer is kept either way.</source>
        <translation>栅格图层 {name} 的文件不在原来的位置：
{path}

现在查找它吗？无论如何该图层都会保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locate…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rasters and tile caches</source>
        <translation>栅格与瓦片缓存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add raster / imagery</source>
        <translation>添加栅格 / 影像</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Opening {name}</source>
        <translation>正在打开 {name}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Add raster</source>
        <translation>添加栅格</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Where is {name} now?</source>
        <translation>{name} 现在在哪里？</translation>
    </message>
</context>
<context>
    <name>RasterCrsDialog</name>
    <message>
        <location filename="../../gui/rasters/crs_dialog.py" line="+14"/>
        <source>Coordinate system of the image</source>
        <translation>影像的坐标系</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../gui/readonly_banner.py" line="+20"/>
        <source>{name} is open in another instance of the planner: user {user} on {host} (process {pid}), since {time}.</source>
        <translation>{name} 已在另一个规划程序窗口中打开：用户 {user}，计算机 {host}（进程 {pid}），打开时间 {time}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read-only. {text} Save is turned off so neither copy overwrites the other; use Save As to keep your changes in a new file.</source>
        <translation>只读。{text} 为免两处互相覆盖，“保存”已停用；请用“另存为”把您的修改保存到新文件。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../gui/recovery_dialog.py" line="+33"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a new project that was never saved</source>
        <translation>一个从未保存过的新项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The planner did not close normally last time. Unsaved work on {name} was autosaved at {time}.</source>
        <translation>规划程序上次没有正常关闭。{name} 中未保存的工作已于 {time} 自动保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compared with the project file:</source>
        <translation>与项目文件相比：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep opens it as unsaved changes (save to keep them in the project file). Discard deletes the autosave. Later asks again at the next start.</source>
        <translation>“保留”将其作为未保存的更改打开（保存后才写入项目文件）。“丢弃”删除这份自动保存。“以后再说”会在下次启动时再次询问。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opening the autosaved work</source>
        <translation>正在打开自动保存的工作</translation>
    </message>
</context>
<context>
    <name>SaveQueue</name>
    <message>
        <location filename="../../gui/save_queue.py" line="+73"/>
        <source>Saving {name}</source>
        <translation>正在保存 {name}</translation>
    </message>
</context>
<context>
    <name>SitingDialog</name>
    <message>
        <location filename="../../gui/gaps/siting_dialog.py" line="+38"/>
        <source>Suggest sites for new facilities</source>
        <translation>新建设施选址建议</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+95"/>
        <source>Only the selected features of that layer</source>
        <translation>仅该图层中的所选要素</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People served (elderly or children)</source>
        <translation>服务人数（老人或儿童）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds (each counts 1)</source>
        <translation>小区数（每个计 1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No limit: a compound in reach counts whole</source>
        <translation>不限：范围内的小区整体计入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a capacity, each site serves at most that much demand: the demand the last access run of this type left unmet, else the weight chosen above.</source>
        <translation>设定容量后，每处新设施最多服务该数量的需求：取该类型最近一次可达性分析未满足的需求，否则按上面所选的权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (exact when small enough)</source>
        <translation>自动（规模较小时精确求解）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact maximal covering (MCLP)</source>
        <translation>精确最大覆盖（MCLP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greedy (fast, at least 63 % of the best)</source>
        <translation>贪心（快速，至少达到最优的 63%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggest</source>
        <translation>选址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept as planned facilities</source>
        <translation>采纳为规划设施</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a type and press Suggest.</source>
        <translation>选择设施类型后点击“选址”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of sites (K)</source>
        <translation>选址数量（K）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate sites</source>
        <translation>候选用地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cover the most</source>
        <translation>最大化覆盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity of each new site</source>
        <translation>每处新设施容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>求解方法</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coverage before and after</source>
        <translation>选址前后覆盖情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggested sites (click to zoom to what each serves)</source>
        <translation>建议选址（点击可缩放至其服务对象）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} compounds lacking</source>
        <translation>{n} 个小区缺少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} ({lacking})</source>
        <translation>{type}（{lacking}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The compounds themselves (a point inside each)</source>
        <translation>小区自身（每个小区内取一点）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only the {n} selected features of that layer</source>
        <translation>仅该图层中所选的 {n} 个要素</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Searching…</source>
        <translation>正在求解…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest sites</source>
        <translation>选址建议</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The gaps were analysed again meanwhile: press Suggest once more.</source>
        <translation>其间缺项已重新分析：请再次点击“选址”。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Site</source>
        <translation>选址点</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Compounds newly served</source>
        <translation>新覆盖小区数</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>{k} sites for {type} within {radius} m, {how}: {seconds:.2f} s.</source>
        <translation>{type}选址 {k} 处，服务半径 {radius} 米，{how}：{seconds:.2f} 秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fewer sites than asked: more would serve no one else within the radius.</source>
        <translation>选址数少于要求：再增加选址也无法在服务半径内覆盖更多对象。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>Demand served</source>
        <translation>服务的需求</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Households newly served</source>
        <translation>新覆盖户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People newly served</source>
        <translation>新覆盖人数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compounds served</source>
        <translation>覆盖小区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of compounds</source>
        <translation>小区覆盖率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households served</source>
        <translation>覆盖户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People served</source>
        <translation>覆盖人数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With the sites</source>
        <translation>选址后</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Added to “{name}”; the gaps are being analysed again.</source>
        <translation>已添加到“{name}”；正在重新分析缺项。</translation>
    </message>
</context>
<context>
    <name>SourceBox</name>
    <message>
        <location filename="../../gui/importing/source_box.py" line="+24"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text encoding:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read text as:</source>
        <translation>按此编码读取：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{driver}, {n} features, {kind}</source>
        <translation>{driver}，{n} 个要素，{kind}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none (no attribute table)</source>
        <translation>无（没有属性表）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This format always stores text as UTF-8.</source>
        <translation>该格式始终以 UTF-8 存储文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If names look garbled (乱码), read the text with another encoding; the preview updates.</source>
        <translation>如果名称显示为乱码，请换一种编码读取；预览会随之更新。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All folders together</source>
        <translation>全部文件夹（合并）</translation>
    </message>
</context>
<context>
    <name>StandardsDialog</name>
    <message>
        <location filename="../../gui/lifecircles/standards_dialog.py" line="+50"/>
        <source>Life-circle standards</source>
        <translation>生活圈标准</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+3"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range from</source>
        <translation>范围下限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Range to</source>
        <translation>范围上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Residents</source>
        <translation>居住人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Checked</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names in data</source>
        <translation>数据中的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radius</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Life-circle levels</source>
        <translation>生活圈层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility types</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time mode</source>
        <translation>时间模式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reset to the shipped preset</source>
        <translation>恢复为内置预设</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Measure life circles in walking time (minutes × walking speed)</source>
        <translation>按步行时间计算生活圈（分钟 × 步速）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Walking speed for elderly services (一老)</source>
        <translation>老年服务（一老）步速</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walking speed for other services</source>
        <translation>其他服务步速</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distances in time mode:</source>
        <translation>时间模式下的距离：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — your copy, saved in {path}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — 您的副本，保存在 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — the shipped preset; Save keeps your changes as your own copy in {path}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — 内置预设；保存时您的修改将另存为副本，位于 {path}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>checked</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not yet checked</source>
        <translation>尚未核实</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amber rows hold values not yet checked against the official text. Tick “Checked” once you have verified a value.</source>
        <translation>琥珀色行的数值尚未与标准原文核对。核实后请勾选“已核实”。</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../gui/style_dialog.py" line="+35"/>
        <source>Style: {name}</source>
        <translation>样式：{name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(single colour)</source>
        <translation>（单一颜色）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no labels)</source>
        <translation>（无标注）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Categories (unique values)</source>
        <translation>分类（唯一值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated (quantiles)</source>
        <translation>分级（分位数）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fill colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline colour</source>
        <translation>边线颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill opacity</source>
        <translation>填充不透明度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line width</source>
        <translation>线宽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill by attribute</source>
        <translation>按属性填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour ramp</source>
        <translation>色带</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../gui/zones/suggest_dialog.py" line="+39"/>
        <source>Suggest renovation zones</source>
        <translation>改造片区划分建议</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only compounds built in or before</source>
        <translation>仅限此年份及以前建成的小区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep existing zones fixed</source>
        <translation>保持现有片区不变</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Minimum households per zone</source>
        <translation>每片区最少户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum households per zone</source>
        <translation>每片区最多户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum area per zone</source>
        <translation>每片区最大面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum compounds per zone</source>
        <translation>每片区最多小区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum compounds per zone</source>
        <translation>每片区最少小区数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the limits, then Preview.</source>
        <translation>设置限制条件后点击“预览”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept as one edit</source>
        <translation>采纳（作为一步编辑）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Suggesting zones</source>
        <translation>正在生成片区建议</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} zones proposed in {s:.1f} s.</source>
        <translation>建议 {n} 个片区，用时 {s:.1f} 秒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households per zone: {lo:,.0f} – {hi:,.0f}.</source>
        <translation>每片区户数：{lo:,.0f} – {hi:,.0f}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} eligible compounds left unassigned.</source>
        <translation>{n} 个符合条件的小区未划入片区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not considered ({reason}): {n:,}</source>
        <translation>未纳入（{reason}）：{n:,} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constraint violations: {n}</source>
        <translation>违反约束：{n}</translation>
    </message>
</context>
<context>
    <name>SummaryCard</name>
    <message>
        <location filename="../../gui/presentation.py" line="-71"/>
        <source>No renovation zones yet</source>
        <translation>尚无改造片区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compounds: {n}</source>
        <translation>小区：{n} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households: {n}</source>
        <translation>户数：{n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} buildings</source>
        <translation>{n} 栋楼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevators to add: {e} in {buildings}</source>
        <translation>加装电梯：{buildings} {e} 部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elevator estimate: {cost}, subsidy {subsidy}</source>
        <translation>加装电梯估算：造价 {cost}，补贴 {subsidy}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before the plan</source>
        <translation>改造前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After the plan</source>
        <translation>改造后</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} zones</source>
        <translation>{n} 个片区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaps: computing…</source>
        <translation>缺项：正在计算…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaps: not available (no facilities layer)</source>
        <translation>缺项：无法计算（没有设施图层）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gaps: none — every service within reach</source>
        <translation>缺项：无 — 各项服务均可达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaps: {names}</source>
        <translation>缺项：{names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counted for the zone as a whole: a service is in reach when any of its compounds reaches it.</source>
        <translation>按片区整体计：片区内任一小区可达即算可达。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted compound by compound, a service is missing in {n} of its {total} compounds.</source>
        <translation>按小区逐个计，{total} 个小区中有 {n} 个仍有缺项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} services missing in all.</source>
        <translation>合计缺 {n} 项服务。</translation>
    </message>
</context>
<context>
    <name>TypeDelegate</name>
    <message>
        <location filename="../../gui/importing/facility_table.py" line="+39"/>
        <source>— not a facility of interest —</source>
        <translation>— 非关注设施 —</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../gui/programme/consent_panel.py" line="+15"/>
        <source>A vote for the whole compound, or for one building (holds back that building's elevators only).</source>
        <translation>整个小区的表决，或单栋楼的表决（仅暂缓该楼的电梯）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set vote</source>
        <translation>录入表决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear vote</source>
        <translation>清除表决</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>— (by headcount)</source>
        <translation>—（按人数）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taking part</source>
        <translation>参与表决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owners</source>
        <translation>业主人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor area</source>
        <translation>专有面积</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Elevator vote</source>
        <translation>加装电梯表决</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Whole compound</source>
        <translation>整个小区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Building {id} ({n} elevators)</source>
        <translation>楼栋 {id}（{n} 部电梯）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No vote recorded: the elevators go ahead.</source>
        <translation>尚无表决记录：电梯照常列入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vote passes (≥ 2/3 take part, ≥ 3/4 of them agree).</source>
        <translation>表决通过（参与 ≥ 2/3，参与者中同意 ≥ 3/4）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The vote fails: the elevators are held back.</source>
        <translation>表决未通过：电梯暂缓。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../gui/worker.py" line="+130"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ZoneSettingsDialog</name>
    <message>
        <location filename="../../gui/zones/settings_dialog.py" line="+21"/>
        <source>Zone settings</source>
        <translation>片区设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no barriers)</source>
        <translation>（无阻隔）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only the checked classes are barriers, e.g. arterial roads.</source>
        <translation>只有勾选的类别才视为阻隔，例如主干路。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gap tolerance</source>
        <translation>间距容差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barrier layer</source>
        <translation>阻隔图层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barrier classes</source>
        <translation>阻隔类别</translation>
    </message>
</context>
<context>
    <name>ZonesController</name>
    <message>
        <location filename="../../gui/zones/controller.py" line="+40"/>
        <location line="+203"/>
        <location line="+10"/>
        <location line="+3"/>
        <source>Renovation zones</source>
        <translation>改造片区</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>&amp;Zones</source>
        <translation>片区(&amp;Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge selected compounds into a new zone</source>
        <translation>将所选小区合并为新片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add selected compounds to their zone</source>
        <translation>将所选小区加入片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected compounds from their zone</source>
        <translation>将所选小区移出片区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge selected zones</source>
        <translation>合并所选片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split zone</source>
        <translation>拆分片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissolve zone</source>
        <translation>解散片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename zone…</source>
        <translation>重命名片区…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone colour…</source>
        <translation>片区颜色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggest zones…</source>
        <translation>片区划分建议…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone settings (gap, barriers)…</source>
        <translation>片区设置（间距、阻隔）…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Load a compounds layer first.</source>
        <translation>请先加载小区图层。</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Select compounds on the map first: click, Ctrl-click, box or lasso.</source>
        <translation>请先在地图上选择小区：单击、Ctrl+单击、框选或套索选择。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>None of the selected compounds is in a zone: select a zone's compounds together with those to add.</source>
        <translation>所选小区都不在片区中：请将片区内的小区与要加入的小区一起选中。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Remove {n} compounds from zones</source>
        <translation>将 {n} 个小区移出片区</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a zone in the zone table or on the map first.</source>
        <translation>请先在片区表或地图上选择片区。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select two or more zones to merge.</source>
        <translation>请选择两个或以上片区进行合并。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rename zone</source>
        <translation>重命名片区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zone name:</source>
        <translation>片区名称：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Zone colour</source>
        <translation>片区颜色</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Rebuilding the neighbour graph</source>
        <translation>正在重建相邻关系图</translation>
    </message>
</context>
<context>
    <name>analysis</name>
    <message>
        <location filename="../../gis/analysis/access.py" line="+69"/>
        <source>facility type (the keys of the gap analysis)</source>
        <translation>设施类型（与缺项分析相同的键）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compound column of the demand (default: the type's age group, else population, else households)</source>
        <translation>小区需求字段（默认：该类型对应的年龄组，其次人口，再次户数）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>facility column of the capacity (default: the capacity or floor-area field, else the preset's default per facility)</source>
        <translation>设施容量字段（默认：容量或建筑面积字段，否则按预设默认值计）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>catchment (default: the type's radius in the standards)</source>
        <translation>服务范围（默认：标准中该类型的服务半径）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>straight from the compound polygon, or along the network (default: network when one is given)</source>
        <translation>从小区边界直线计，或沿路网计（默认：有路网时沿路网）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2sfca, or e2sfca with distance-decay weights 1 / 0.68 / 0.22 on thirds of the catchment</source>
        <translation>2sfca，或 e2sfca（按服务范围三等分的距离衰减权重 1 / 0.68 / 0.22）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../gis/analysis/gaps.py" line="+54"/>
        <location filename="../../gis/analysis/life_circles.py" line="+61"/>
        <source>Road ends closer than this are joined when the network is built</source>
        <translation>建网时端点距离小于此值的道路相连</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/life_circles.py" line="-6"/>
        <source>buffer: straight-line circles; network: along the walking network</source>
        <translation>buffer：直线缓冲圆；network：沿步行路网</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Half-width of the walkable band drawn along the reached streets</source>
        <translation>沿可达街道绘制的步行带半宽</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>facilities farther than this from every street are left out (network mode)</source>
        <translation>距所有街道超过此距离的设施不参与计算（路网模式）</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/ranking.py" line="+29"/>
        <location filename="../../gis/analysis/zones.py" line="+69"/>
        <source>only compounds built in or before this year</source>
        <translation>只用此年份及以前建成的小区</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/siting.py" line="+32"/>
        <source>how many sites</source>
        <translation>选址个数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service radius (default: the type's required distance)</source>
        <translation>服务半径（默认：该类型的规定距离）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>auto, mclp (exact) or greedy</source>
        <translation>auto（自动）、mclp（精确）或 greedy（贪心）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what to cover: households, people or compounds</source>
        <translation>覆盖对象：户数、人口或小区数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the exact solver this long, then answer greedily</source>
        <translation>精确求解的时限，超时后改用贪心解</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each new site serves at most this much demand (none: a compound in reach counts whole)</source>
        <translation>每个新设施最多服务的需求量（不填：范围内的小区整体计入）</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/zones.py" line="-37"/>
        <source>Compounds at most this far apart (across a street) are neighbours</source>
        <translation>相距不超过此距离（隔一条街）的小区视为相邻</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>households per zone, at least</source>
        <translation>每个片区的最少户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>households per zone, at most</source>
        <translation>每个片区的最多户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compound land per zone, at most</source>
        <translation>每个片区的最大小区用地面积</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compounds per zone, at most</source>
        <translation>每个片区的最多小区数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compounds per zone, at least</source>
        <translation>每个片区的最少小区数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seed of the search</source>
        <translation>搜索的随机种子</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/programme.py" line="+51"/>
        <source>annual budget (none: the work is spread evenly over the years)</source>
        <translation>年度预算（不设：各年平均分摊）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>households renovated per year, at most</source>
        <translation>每年改造户数上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compounds renovated per year, at most</source>
        <translation>每年改造小区数上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of households that must agree at each consent stage</source>
        <translation>各征询阶段须同意的户数比例</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/people.py" line="+41"/>
        <source>the compounds' gross floor area column (m²): households from it, not from the buildings</source>
        <translation>小区的总建筑面积字段（m²）：据此估算户数，而不按建筑估算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the compounds' district (区/街道) column: the preset's own age shares of each district</source>
        <translation>小区所属区/街道的字段：按预设中各区/街道自己的年龄比例估算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>persons per household (none: the preset's)</source>
        <translation>户均人口（不填：用预设值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of floor area that is dwellings (none: the preset's)</source>
        <translation>建筑面积中住宅套内使用的比例（不填：用预设值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>average dwelling size (none: the preset's)</source>
        <translation>平均每套住宅面积（不填：用预设值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of residents aged 60+ (none: the preset's)</source>
        <translation>60岁以上人口占比（不填：用预设值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>share of residents aged 0-6 (none: the preset's)</source>
        <translation>0-6岁人口占比（不填：用预设值）</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../gis/wording.py" line="+105"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KML folder</source>
        <translation>KML 文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate of row</source>
        <translation>重复于第几行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>是否规划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius (m)</source>
        <translation>服务半径（米）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Planned {type} {number}</source>
        <translation>规划-{type}-{number}</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="+19"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <location filename="../../gis/domain.py" line="+68"/>
        <source>Compounds</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrances</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barriers</source>
        <translation>阻隔要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renovation zones</source>
        <translation>改造片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build year</source>
        <translation>建成年代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly (60+)</source>
        <translation>老年人（60 岁以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children (0-6)</source>
        <translation>儿童（0-6 岁）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound ID</source>
        <translation>小区编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road class</source>
        <translation>道路等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity (places, beds, seats)</source>
        <translation>容量（学位、床位、座位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../gis/wording.py" line="-11"/>
        <source>Clinic</source>
        <translation>卫生服务站</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Elderly canteen</source>
        <translation>老年食堂</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Elderly day care</source>
        <translation>日间照料</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Nursing home</source>
        <translation>养老院</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Nursery</source>
        <translation>托儿所</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Children's play area</source>
        <translation>儿童活动场地</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gis/io/crs_detect.py" line="+130"/>
        <source>Unknown coordinate system '{text}'. Give an EPSG code such as EPSG:4548, or gcj02 / bd09 for AMap or Baidu coordinates.</source>
        <translation>未知坐标系“{text}”。请输入 EPSG 代码（如 EPSG:4548），高德或百度坐标请输入 gcj02 / bd09。</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+23"/>
        <source>The layer has no usable coordinates.</source>
        <translation>该图层没有可用的坐标。</translation>
    </message>
    <message>
        <location filename="../../gis/io/encoding.py" line="+83"/>
        <source>Unknown text encoding '{name}'. Use a name such as UTF-8, GBK, GB18030 or BIG5.</source>
        <translation>未知的文本编码“{name}”。请使用 UTF-8、GBK、GB18030 或 BIG5 等名称。</translation>
    </message>
    <message>
        <location filename="../../gis/io/facilities.py" line="+64"/>
        <source>The facility type rules in {path} cannot be read ({reason}). Fix the file or use the default rules.</source>
        <translation>无法读取 {path} 中的设施类型规则（{reason}）。请修正该文件或使用默认规则。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The facility type rules in {path} use unknown types: {keys}. Use {known}.</source>
        <translation>{path} 中的设施类型规则使用了未知类型：{keys}。请使用 {known}。</translation>
    </message>
    <message>
        <location filename="../../gis/io/gdal_read.py" line="+60"/>
        <source>{path} cannot be read: {reason}. Check that the file is complete and in a supported format.</source>
        <translation>无法读取 {path}：{reason}。请检查文件是否完整、格式是否受支持。</translation>
    </message>
    <message>
        <location filename="../../gis/io/shapefile.py" line="+57"/>
        <source>{path} is not a valid shapefile: its header is damaged or cut off.</source>
        <translation>{path} 不是有效的 Shapefile：文件头已损坏或被截断。</translation>
    </message>
    <message>
        <location filename="../../gis/io/sources.py" line="+65"/>
        <source>{path} is an old Excel .xls workbook. Save it as .xlsx and import that.</source>
        <translation>{path} 是旧版 Excel .xls 工作簿。请另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: this file type ({suffix}) is not supported. Import one of: {formats}.</source>
        <translation>{path}：不支持此文件类型（{suffix}）。请导入以下格式之一：{formats}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path} is missing, though its .dbf exists: the shapefile has no geometries. Copy all parts of the shapefile (.shp, .shx, .dbf, .prj, .cpg).</source>
        <translation>缺少 {path}（但其 .dbf 存在）：该 Shapefile 没有几何数据。请复制 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/inputs.py" line="+58"/>
        <source>--field takes ROLE.KEY=COLUMN, e.g. compounds.households=户数; KEY is one of {keys}, not '{text}'.</source>
        <translation>--field 的格式为 图层.字段=列名，例如 compounds.households=户数；字段须为 {keys} 之一，而不是“{text}”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+52"/>
        <location filename="../../gis/io/sources.py" line="+4"/>
        <location filename="../../gis/network/inputs.py" line="+43"/>
        <location filename="../../gis/people/table.py" line="+71"/>
        <location filename="../../gis/programme/consent.py" line="+227"/>
        <location filename="../../gis/project_file.py" line="+136"/>
        <location filename="../../gis/raster/source.py" line="+76"/>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../gis/io/unanswered.py" line="+20"/>
        <source>{message} Say which with {option} ({values}).</source>
        <translation>{message} 请用 {option} 指明（{values}）。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/inputs.py" line="-36"/>
        <source>{path} holds {family} features, but {option} needs {allowed} features. Check which file goes with which option.</source>
        <translation>{path} 中是{family}要素，而 {option} 需要{allowed}要素。请检查各文件是否对应了正确的选项。</translation>
    </message>
    <message>
        <location filename="../../gis/io/unanswered.py" line="+10"/>
        <source>{path}: lon/lat inside China, but the file does not say in which coordinate system (CGCS2000 / WGS 84, or GCJ-02 / BD-09 web-map coordinates several hundred metres away). Say which with {option} {first} (or {others}).</source>
        <translation>{path}：中国境内的经纬度，但文件没有说明所用坐标系（CGCS2000 / WGS 84，或相差数百米的 GCJ-02 / BD-09 互联网地图坐标）。请用 {option} {first} 指明（或 {others}）。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/inputs.py" line="+10"/>
        <source>{path}: {hint} Say which with {option} {datum} (or {option} wgs84 if it is not).</source>
        <translation>{path}：{hint} 请用 {option} {datum} 说明（如果不是，则用 {option} wgs84）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path}: the attribute table (.dbf) is missing, so ids, names and counts are unknown. Put the .dbf beside the .shp (same name).</source>
        <translation>{path}：缺少属性表（.dbf），编号、名称和数量都无从得知。请把同名 .dbf 放在 .shp 旁边。</translation>
    </message>
    <message>
        <location filename="../../gis/io/sources.py" line="-49"/>
        <source>Shapefile (.shp or zipped), GeoPackage (.gpkg), GeoJSON (.geojson/.json), KML/KMZ, GPX, File Geodatabase (.gdb folder), DXF, CSV or Excel (.xlsx) point tables</source>
        <translation>Shapefile（.shp 或压缩包）、GeoPackage（.gpkg）、GeoJSON（.geojson/.json）、KML/KMZ、GPX、文件地理数据库（.gdb 文件夹）、DXF、CSV 或 Excel（.xlsx）点表</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{path} belongs to a shapefile whose .shp is missing. Copy all parts of the shapefile (.shp, .shx, .dbf, .prj, .cpg).</source>
        <translation>{path} 所属的 Shapefile 缺少 .shp 文件。请复制 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is a folder. Pick a file in it, or a File Geodatabase folder ending in .gdb.</source>
        <translation>{path} 是文件夹。请选择其中的文件，或选择以 .gdb 结尾的文件地理数据库文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is empty (0 bytes).</source>
        <translation>{path} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{path} contains no file that can be imported ({formats}).</source>
        <translation>{path} 中没有可导入的文件（{formats}）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} has no dataset '{layer}'. It holds: {names}.</source>
        <translation>{path} 中没有数据集“{layer}”。其中包含：{names}。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{path} holds a link or device file ({member}), which is refused for safety. Unzip it yourself and import the data files.</source>
        <translation>{path} 中含有链接或设备文件（{member}），出于安全考虑拒绝读取。请自行解压后导入其中的数据文件。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>{path} is not a readable zip archive ({reason}).</source>
        <translation>{path} 不是可读取的 zip 压缩包（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gis/network/attach.py" line="+77"/>
        <source>Only single points can be attached to the network.</source>
        <translation>只有单点才能连接到路网。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/compounds.py" line="+81"/>
        <location filename="../../gis/network/attach.py" line="+58"/>
        <source>The compound layer has no coordinate system.</source>
        <translation>小区图层没有坐标系。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The compound layer is empty.</source>
        <translation>小区图层为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The compound layer has no field {field}; map another one.</source>
        <translation>小区图层没有字段 {field}；请改选其他字段。</translation>
    </message>
    <message>
        <location filename="../../gis/network/attach.py" line="+2"/>
        <source>The boundary spacing must be positive.</source>
        <translation>边界采样间距必须大于 0。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The entrance layer has no coordinate system.</source>
        <translation>出入口图层没有坐标系。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field {field} does not exist.</source>
        <translation>字段 {field} 不存在。</translation>
    </message>
    <message>
        <location filename="../../gis/network/build.py" line="+79"/>
        <source>The snapping tolerance must not be negative.</source>
        <translation>吸附容差不能为负数。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The road layer has no coordinate system; set one before building the network.</source>
        <translation>道路图层没有坐标系；请先设置坐标系再构建路网。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The road layer holds no lines; a walking network needs line features (roads, paths).</source>
        <translation>道路图层中没有线要素；步行路网需要线要素（道路、步道）。</translation>
    </message>
    <message>
        <location filename="../../gis/network/distance.py" line="+63"/>
        <source>The walking distance must be positive.</source>
        <translation>步行距离必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../gis/network/inputs.py" line="+51"/>
        <source>The facility layer has no coordinate system.</source>
        <translation>设施图层没有坐标系。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The facility layer is empty.</source>
        <translation>设施图层为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} facilities have no geometry.</source>
        <translation>{count} 处设施没有几何。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The facility layer has no field {field}.</source>
        <translation>设施图层没有字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../gis/network/osm.py" line="+77"/>
        <source>Cannot read the OSM file {path}: {reason}</source>
        <translation>无法读取 OSM 文件 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{path} holds no walkable ways (OSM highway=*).</source>
        <translation>{path} 中没有可步行道路（OSM highway=*）。</translation>
    </message>
    <message>
        <location filename="../../gis/network/service_area.py" line="+104"/>
        <source>Unknown mode {mode}; use network or buffer.</source>
        <translation>未知模式 {mode}；请使用 network（路网）或 buffer（缓冲区）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Walking distances must be positive numbers of metres.</source>
        <translation>步行距离必须是大于 0 的米数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown method {method}; use grid or exact.</source>
        <translation>未知的绘制方法 {method}；请使用 grid（网格）或 exact（精确）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The edge buffer must be positive.</source>
        <translation>路段缓冲宽度必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/life_circles.py" line="+44"/>
        <source>The walking network has no streets.</source>
        <translation>步行路网中没有街道。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None of the {count} facilities is within {metres} m of the walking network (the nearest is {nearest} km away): the network covers another place, or a layer is in the wrong coordinate system.</source>
        <translation>{count} 个设施中没有一个在步行路网 {metres} 米以内（最近的相距 {nearest} 千米）：路网覆盖的是别处，或某个图层的坐标系不对。</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../gis/network/service_area.py" line="+57"/>
        <source>Network mode needs a walking network (a road layer or an OSM file).</source>
        <translation>路网模式需要步行路网（道路图层或 OSM 文件）。</translation>
    </message>
    <message>
        <location filename="../../gis/network/service_area.py" line="+2"/>
        <source>The facilities and the network are in different coordinate systems ({a} and {b}).</source>
        <translation>设施与路网的坐标系不同（{a} 与 {b}）。</translation>
    </message>
    <message>
        <location filename="../../gis/project.py" line="+47"/>
        <source>Layer {name} has no coordinate system.</source>
        <translation>图层 {name} 没有坐标系。</translation>
    </message>
    <message>
        <location filename="../../gis/standards.py" line="+250"/>
        <source>The standards preset cannot be used ({count} problems), first: {problem}</source>
        <translation>标准预设无法使用（{count} 个问题），第一个：{problem}</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+72"/>
        <source>The standards preset is malformed: {reason}</source>
        <translation>标准预设格式错误：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The standards preset was written by a newer version ({version}) of the program; update the program.</source>
        <translation>标准预设由更新版本（{version}）的程序写入；请更新程序。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the standards preset {path}: {reason}</source>
        <translation>无法读取标准预设 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/elevators.py" line="+101"/>
        <source>The {rule} subsidy is defined for {years}, not for {year}; choose one of those years or edit the preset.</source>
        <translation>{rule}补贴标准只适用于 {years}，不适用于 {year}；请选择其中的年份或修改预设。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The subsidy per elevator must be zero or more.</source>
        <translation>单台电梯补贴不能为负数。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no subsidy preset {key}; use one of {keys}.</source>
        <translation>没有补贴预设 {key}；可选：{keys}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot read the elevator subsidy preset {path}: {reason}</source>
        <translation>无法读取加装电梯补贴预设 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The elevator subsidy preset {path} needs a positive cost per elevator.</source>
        <translation>加装电梯补贴预设 {path} 需要一个大于 0 的单台造价。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/ranking.py" line="+96"/>
        <location filename="../../gis/preset_files.py" line="+29"/>
        <source>The shipped preset cannot be overwritten; save your copy in the settings folder.</source>
        <translation>内置预设不能覆盖；请将您的副本保存在设置文件夹中。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/elevators.py" line="+81"/>
        <source>The floor threshold for elevators must be 2 or more.</source>
        <translation>加装电梯的层数门槛至少为 2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cost per elevator must be positive.</source>
        <translation>单台电梯造价必须大于 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households per landing must be zero or more.</source>
        <translation>一梯户数不能为负数。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The buildings layer needs a {role} field to find elevator gaps; map one in the layer's fields.</source>
        <translation>建筑图层需要 {role} 字段才能分析加装电梯；请在图层字段中指定。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The buildings layer has no field {field}.</source>
        <translation>建筑图层没有字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../gis/demo.py" line="+108"/>
        <source>{path} lacks the column(s) {columns}. Run python data/generate_demo.py to rebuild the demo.</source>
        <translation>{path} 缺少列 {columns}。请运行 python data/generate_demo.py 重建示例数据。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The demo file {path} is missing. Run python data/generate_demo.py to rebuild the demo.</source>
        <translation>缺少示例文件 {path}。请运行 python data/generate_demo.py 重建示例数据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+15"/>
        <source>Cannot read the demo file {path}: {reason}</source>
        <translation>无法读取示例文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/export/dxf.py" line="+61"/>
        <location filename="../../gis/export/project_export.py" line="+66"/>
        <source>CAD drawings are measured in metres: choose a Gauss-Krüger CRS (the project's default) for DXF, not longitude/latitude.</source>
        <translation>CAD 图纸以米为单位：导出 DXF 请选择高斯-克吕格坐标系（项目默认），不要选择经纬度。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/outputs.py" line="+242"/>
        <source>The project has no renovation zones yet; make zones first or export another layer.</source>
        <translation>项目中尚无改造片区；请先划分片区，或导出其他图层。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The compounds layer of the zone plan is missing.</source>
        <translation>缺少片区方案所用的小区图层。</translation>
    </message>
    <message>
        <location filename="../../gis/export/kml.py" line="+59"/>
        <source>KML is always in longitude/latitude: choose WGS 84 (4326) or GCJ-02 as the target.</source>
        <translation>KML 始终使用经纬度：请选择 WGS 84（4326）或 GCJ-02 作为目标坐标系。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/outputs.py" line="-99"/>
        <source>the gap analysis needs a compounds and a facilities layer</source>
        <translation>缺项分析需要小区图层和设施图层</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>elevator needs require a buildings and a compounds layer</source>
        <translation>加装电梯需求分析需要建筑图层和小区图层</translation>
    </message>
    <message>
        <location filename="../../gis/export/project_export.py" line="-18"/>
        <source>Unknown export format {format}; choose one of {formats}.</source>
        <translation>未知的导出格式 {format}；请选择 {formats} 之一。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{format} is always in longitude/latitude: choose WGS 84 (4326) or GCJ-02 as the target.</source>
        <translation>{format} 始终使用经纬度：请选择 WGS 84（4326）或 GCJ-02 作为目标坐标系。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Map layouts (pdf, png) are drawn by the app's layout module, not by the data export.</source>
        <translation>地图排版（pdf、png）由程序的排版功能生成，不属于数据导出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project has no layers to export.</source>
        <translation>项目中没有可导出的图层。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../gis/export/vector.py" line="+49"/>
        <source>There is nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A {format} file holds one layer; give a folder as --out to export {count} layers.</source>
        <translation>一个 {format} 文件只能容纳一个图层；要导出 {count} 个图层，请用 --out 指定文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A {format} file holds one layer: choose one with --layer, or give a folder as --out.</source>
        <translation>一个 {format} 文件只能容纳一个图层：请用 --layer 选择一个图层，或用 --out 指定文件夹。</translation>
    </message>
    <message>
        <location filename="../../gis/export/result.py" line="+41"/>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not write {path}: {reason}. Check that the folder is writable and the file is not open in another program.</source>
        <translation>无法写入 {path}：{reason}。请检查文件夹是否可写，以及文件是否被其他程序打开。</translation>
    </message>
    <message>
        <location filename="../../gis/export/sources.py" line="+86"/>
        <source>There is nothing to export as {layer} in this project yet.</source>
        <translation>本项目中尚无可作为“{layer}”导出的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No layer called {layer}. Choose from: {names}.</source>
        <translation>没有名为 {layer} 的图层。可选：{names}。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No layer called {layer}.</source>
        <translation>没有名为 {layer} 的图层。</translation>
    </message>
    <message>
        <location filename="../../gis/export/target.py" line="+66"/>
        <source>The project has no coordinate system yet; add a layer or choose a target CRS.</source>
        <translation>项目尚无坐标系；请添加图层或选择目标坐标系。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown target CRS {crs}: give an EPSG code such as 4527, or wgs84, or gcj02.</source>
        <translation>未知的目标坐标系 {crs}：请输入 EPSG 代码（如 4527），或 wgs84、gcj02。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>EPSG:{code} is not a known coordinate system; check the code (CGCS2000 Gauss-Krüger zones are 4513-4554).</source>
        <translation>EPSG:{code} 不是已知的坐标系；请检查代码（CGCS2000 高斯-克吕格投影带为 4513-4554）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data to export has no coordinate system.</source>
        <translation>要导出的数据没有坐标系。</translation>
    </message>
    <message>
        <location filename="../../gis/export/vector.py" line="+61"/>
        <source>Shapefile encoding {encoding} is not offered; choose utf-8 or gbk.</source>
        <translation>不支持 Shapefile 编码 {encoding}；请选择 utf-8 或 gbk。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{layer} mixes {kinds}; a Shapefile holds one kind of geometry. Export it as GeoPackage or GeoJSON.</source>
        <translation>{layer} 混合了{kinds}；一个 Shapefile 只能容纳一种几何类型。请导出为 GeoPackage 或 GeoJSON。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/access.py" line="+207"/>
        <source>The compounds and the network are in different coordinate systems ({a} and {b}); build the network in the compounds' system.</source>
        <translation>小区与路网的坐标系不同（{a} 与 {b}）；请在小区的坐标系中构建路网。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The facilities carry no required radius; read them with a standards preset.</source>
        <translation>设施没有服务半径；请配合标准预设读取设施。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The facilities and the compounds are in different coordinate systems ({a} and {b}).</source>
        <translation>设施与小区的坐标系不同（{a} 与 {b}）。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The gap analysis has no facility type {type}.</source>
        <translation>缺项分析中没有设施类型 {type}。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/ranking.py" line="-11"/>
        <source>Cannot read the ranking preset {path}: {reason}</source>
        <translation>无法读取体检排名预设 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unknown ranking indicator {key}; use one of {keys} or gap_&lt;type&gt;.</source>
        <translation>未知的排名指标 {key}；可选：{keys} 或 gap_&lt;类型&gt;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The weight of {key} must be zero or more.</source>
        <translation>指标 {key} 的权重不能为负数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give at least one ranking indicator a positive weight.</source>
        <translation>请至少给一个排名指标设置大于 0 的权重。</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>None of the ranking indicators can be computed from this data; map build year, households or buildings.</source>
        <translation>这些数据无法计算任何排名指标；请指定建成年代、户数或建筑图层。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/siting.py" line="+81"/>
        <source>Unknown facility type {type}; use one of {types}.</source>
        <translation>未知的设施类型 {type}；可选：{types}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for at least one site.</source>
        <translation>请至少选址 1 处。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capacity of a new site must be positive.</source>
        <translation>新设施的容量必须为正数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service radius must be positive.</source>
        <translation>服务半径必须大于 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown siting option {value}.</source>
        <translation>未知的选址选项 {value}。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>The candidate layer has no coordinate system.</source>
        <translation>候选用地图层没有坐标系。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The candidate layer holds no usable sites.</source>
        <translation>候选用地图层中没有可用的地块。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/zones.py" line="+115"/>
        <source>The zone layer has no coordinate system.</source>
        <translation>片区图层没有坐标系。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The zone layer has no field {field}.</source>
        <translation>片区图层没有字段 {field}。</translation>
    </message>
    <message>
        <location filename="../../gis/io/cad.py" line="+76"/>
        <source>{path} has no CAD layer '{layer}'. It has: {names}.</source>
        <translation>{path} 中没有 CAD 图层“{layer}”。现有：{names}。</translation>
    </message>
    <message>
        <location filename="../../gis/io/formats.py" line="+106"/>
        <source>{path} cannot be read as GeoJSON in the {encoding} encoding ({reason}; {bad} characters were not valid {encoding}). Choose the file's encoding (UTF-8, GBK, …), or check that the file is complete.</source>
        <translation>无法按 {encoding} 编码将 {path} 读取为 GeoJSON（{reason}；有 {bad} 个字符不是有效的 {encoding}）。请选择文件的编码（UTF-8、GBK 等），或检查文件是否完整。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{path} contains no layers.</source>
        <translation>{path} 中没有图层。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} has no layer '{layer}'. It has: {names}.</source>
        <translation>{path} 中没有图层“{layer}”。现有：{names}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path}: layer '{layer}' is a table without geometries. Choose a layer with geometries: {names}.</source>
        <translation>{path}：图层“{layer}”是没有几何图形的属性表。请选择带几何图形的图层：{names}。</translation>
    </message>
    <message>
        <location filename="../../gis/io/importer.py" line="+207"/>
        <source>None of the {n} features in {path} has a usable geometry ({details}).</source>
        <translation>{path} 中的 {n} 个要素都没有可用的几何（{details}）。</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>{path} is in {crs}, a projected system; {datum} applies only to lon/lat coordinates. Do not mark this layer as {datum}.</source>
        <translation>{path} 使用投影坐标系 {crs}；{datum} 只适用于经纬度坐标。请勿将此图层标记为 {datum}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The coordinates in {path} ({range}) do not fit its coordinate system {crs} (from {source}), nor any system used in China. Georeference the data or choose the right coordinate system (source CRS).</source>
        <translation>{path} 中的坐标（{range}）与其坐标系 {crs}（来源：{source}）不符，也不符合国内使用的任何坐标系。请对数据进行地理配准，或选择正确的坐标系（源坐标系）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The coordinates in {path} ({range}) do not fit its coordinate system {crs} (from {source}). They look like {hint}. Choose the right coordinate system (source CRS).</source>
        <translation>{path} 中的坐标（{range}）与其坐标系 {crs}（来源：{source}）不符，看起来像是{hint}。请选择正确的坐标系（源坐标系）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The coordinate system of {path} cannot be told from the file. Choose it (source CRS); most likely: {candidates}.</source>
        <translation>无法从文件判断 {path} 的坐标系。请选择坐标系（源坐标系）；最可能的是：{candidates}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The coordinate system of {path} cannot be told from the file. {detail} Choose it (source CRS).</source>
        <translation>无法从文件判断 {path} 的坐标系。{detail}请选择坐标系（源坐标系）。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The field mapping names columns the layer does not have: {missing}. Available: {columns}.</source>
        <translation>字段对应中指定了图层中不存在的列：{missing}。可用的列：{columns}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path}{where} contains no features. Check that you picked the right file or layer.</source>
        <translation>{path}{where} 中没有要素。请检查所选文件或图层是否正确。</translation>
    </message>
    <message>
        <location filename="../../gis/io/presets.py" line="+73"/>
        <source>{path} is not a usable import preset ({reason}).</source>
        <translation>{path} 不是可用的导入预设（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gis/io/tables.py" line="+197"/>
        <source>{path} has no coordinate columns. Found: {columns}. Name them 经度/纬度 (lon/lat) or X/Y, or add a WKT column.</source>
        <translation>{path} 中没有坐标列。现有列：{columns}。请将坐标列命名为“经度/纬度”或“X/Y”，或添加 WKT 列。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{path} cannot be read as a CSV table ({reason}).</source>
        <translation>无法将 {path} 读取为 CSV 表格（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gis/io/sheets.py" line="+37"/>
        <source>{path} is not an Excel .xlsx workbook (an .xlsx file is a zip archive, this one is not): open it in Excel or WPS and save it as .xlsx.</source>
        <translation>{path} 不是 Excel .xlsx 工作簿（.xlsx 文件是 zip 压缩包，此文件不是）：请用 Excel 或 WPS 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not a readable Excel .xlsx workbook ({reason}).</source>
        <translation>{path} 不是可读取的 Excel .xlsx 工作簿（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gis/io/tables.py" line="+78"/>
        <location filename="../../gis/people/table.py" line="+68"/>
        <source>{path} has no sheet '{layer}'. It has: {names}.</source>
        <translation>{path} 中没有工作表“{layer}”。现有：{names}。</translation>
    </message>
    <message>
        <location filename="../../gis/project_save.py" line="+171"/>
        <source>{path} is a folder, not a project file. Use Save As and choose a file name.</source>
        <translation>{path} 是一个文件夹，不是项目文件。请用“另存为”并选择一个文件名。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{path} is read-only, so it was not overwritten. Use Save As to save your changes under another name or in another folder.</source>
        <translation>{path} 是只读文件，因此没有被覆盖。请用“另存为”把您的修改保存为其他文件名或保存到其他文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save {path}: the disk is full. The file on disk is unchanged; free some space, or use Save As to save to another drive.</source>
        <translation>无法保存 {path}：磁盘已满。磁盘上的文件没有改变；请腾出一些空间，或用“另存为”保存到其他磁盘。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save {path}: the folder {folder} cannot be written to (it is read-only or you lack permission). The file on disk is unchanged; use Save As to save elsewhere.</source>
        <translation>无法保存 {path}：文件夹 {folder} 不可写入（它是只读的，或您没有写入权限）。磁盘上的文件没有改变；请用“另存为”保存到其他位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not replace {path}: another program may be using it, or you may not change it. The file on disk is unchanged; close the other program and save again, or use Save As.</source>
        <translation>无法替换 {path}：可能有其他程序正在使用它，或您无权修改它。磁盘上的文件没有改变；请关闭其他程序后再次保存，或用“另存为”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save {path}: {reason}. The file on disk is unchanged.</source>
        <translation>无法保存 {path}：{reason}。磁盘上的文件未改动。</translation>
    </message>
    <message>
        <location filename="../../gis/project_file.py" line="-40"/>
        <source>{path} was saved by a newer version of the planner; update the program to open it.</source>
        <translation>{path} 由更新版本的程序保存；请更新程序后再打开。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} is damaged and cannot be opened: {reason}</source>
        <translation>{path} 已损坏，无法打开：{reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a file name to save the project.</source>
        <translation>请选择保存项目的文件名。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project files end in .gpkg; {path} does not.</source>
        <translation>项目文件的扩展名应为 .gpkg；{path} 不是。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../gis/project_save.py" line="-160"/>
        <source>The project settings cannot be saved: {reason}</source>
        <translation>无法保存项目设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/project_file.py" line="+29"/>
        <source>{path} is damaged: its project description cannot be read.</source>
        <translation>{path} 已损坏：无法读取其项目描述。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not read {path}: {reason}. Another program may hold it locked, or you may not read it; close the other program or ask for access, then open it again.</source>
        <translation>无法读取 {path}：{reason}。可能有其他程序锁定了它，或您没有读取权限；请关闭其他程序或申请权限后再打开。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is not a GeoPackage project file.</source>
        <translation>{path} 不是 GeoPackage 项目文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is a GeoPackage, but not a project of this planner. Add its layers to a project instead (Add layer).</source>
        <translation>{path} 是 GeoPackage，但不是本程序的项目。请改为将其图层添加到项目中（文件 &gt; 添加数据）。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/gaps.py" line="+34"/>
        <location filename="../../gui/gaps/controller.py" line="-377"/>
        <location filename="../../gui/lifecircles/controller.py" line="-296"/>
        <source>The project has no facility layer: add one (File &gt; Add data) with the facilities' points.</source>
        <translation>项目中没有设施图层：请通过“文件 &gt; 添加数据”添加设施点图层。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/inputs.py" line="+11"/>
        <source>The project has no compounds layer: add the compound boundaries (File &gt; Add data) first.</source>
        <translation>项目中没有小区图层：请先添加小区边界（文件 &gt; 添加数据）。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/presets.py" line="+45"/>
        <source>Give the import preset a name.</source>
        <translation>请为导入预设命名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The import preset cannot be saved to {path} ({reason}).</source>
        <translation>无法将导入预设保存到 {path}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/layout/export.py" line="+85"/>
        <source>Map layouts are written as pdf or png, not {format}.</source>
        <translation>地图排版只能导出为 pdf 或 png，不支持 {format}。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Could not write {path}. Check that the folder is writable and the file is not open in another program.</source>
        <translation>无法写入 {path}。请检查文件夹是否可写，以及文件是否被其他程序打开。</translation>
    </message>
    <message>
        <location filename="../../gui/lifecircles/controller.py" line="+13"/>
        <source>Network mode needs a walking network: add a road layer to the project or choose an OSM file (.osm, .pbf).</source>
        <translation>路网模式需要步行路网：请在项目中添加道路图层，或选择 OSM 文件（.osm、.pbf）。</translation>
    </message>
    <message>
        <location filename="../../gis/io/limits.py" line="+79"/>
        <source>{path} goes past the reading cap {cap} = {limit} (found {value}). If the file is genuine, raise "{cap}" under "read_limits" in the settings.</source>
        <translation>{path} 超出读取上限 {cap} = {limit}（实际 {value}）。如果文件确实无误，请在设置的 "read_limits" 中调高 "{cap}"。</translation>
    </message>
    <message>
        <location filename="../../gis/export/html_map.py" line="+224"/>
        <source>The HTML map could not be made safe: a name or value in the data still reads as script. Rename it and export again.</source>
        <translation>无法安全生成 HTML 地图：数据中的某个名称或取值仍会被当作脚本执行。请将其改名后重新导出。</translation>
    </message>
    <message>
        <location filename="../../gis/recovery_helper.py" line="+61"/>
        <source>The autosave helper process stopped; the next autosave starts a new one.</source>
        <translation>自动保存的辅助进程已停止；下次自动保存时会重新启动。</translation>
    </message>
    <message>
        <location filename="../../gis/io/gpkg_guard.py" line="+169"/>
        <source>{path}: layer '{layer}' cannot be read: {reason}.</source>
        <translation>{path}：图层“{layer}”无法读取：{reason}。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/facilities.py" line="+97"/>
        <source>None of the {count} facilities is a clinic, elderly canteen, day care, nursing home, kindergarten, nursery or play area (found: {found}). Set the layer's facility type field ({option}), or import it again so its types are recognised.</source>
        <translation>{count} 个设施中没有卫生服务站、老年食堂、日间照料、养老院、幼儿园、托育或儿童游乐场（找到：{found}）。请设置该图层的设施类型字段（命令行：{option}），或重新导入以识别类型。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/params.py" line="+48"/>
        <source>{name} needs a value.</source>
        <translation>{name} 需要一个值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} must be one of {choices}, not {value}.</source>
        <translation>{name} 必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} must be between {low} and {high} {unit}, not {value}.</source>
        <translation>{name} 必须在 {low} 到 {high} {unit} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/zones.py" line="+38"/>
        <source>Household limits need a households field, and {name} has none that is recognised. Say which column holds households ({option}).</source>
        <translation>户数限制需要户数字段，而 {name} 中没有可识别的户数字段。请指明哪一列是户数（命令行：{option}）。</translation>
    </message>
    <message>
        <location filename="../../gis/project_open.py" line="+68"/>
        <source>Layer {layer} was left out: its table {table} is missing from the file (another program removed it).</source>
        <translation>图层 {layer} 未打开：文件中缺少它的数据表 {table}（已被其他程序删除）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Layer {layer} was left out: {reason}</source>
        <translation>图层 {layer} 未打开：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Layer {layer} has {found} features, but the project saved {saved}: another program changed it.</source>
        <translation>图层 {layer} 现有 {found} 个要素，但保存时有 {saved} 个：它被其他程序改动过。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Layer {layer}: column {column} is missing from the file; it was opened empty.</source>
        <translation>图层 {layer}：文件中缺少字段 {column}，已按空值打开。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Layer {layer}: {count} values of column {column} are not numbers (e.g. {examples}); they were opened as empty values.</source>
        <translation>图层 {layer}：字段 {column} 中有 {count} 个值不是数字（例如 {examples}），已按空值打开。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The renovation zones were left out: their compounds layer is missing or was changed by another program.</source>
        <translation>改造片区未打开：其小区图层缺失或被其他程序改动过。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The barrier layer of the renovation zones is missing; neighbours are found without barriers.</source>
        <translation>改造片区的阻隔图层缺失；相邻关系按无阻隔计算。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The renovation zones were left out: {reason}</source>
        <translation>改造片区未打开：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/programme.py" line="+65"/>
        <source>Years must be written FIRST-LAST, e.g. 2027-2030, not {text}.</source>
        <translation>年度应写作 起-止，例如 2027-2030，而不是 {text}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A pin is written ZONE=YEAR, e.g. 片区1=2028, not {text}.</source>
        <translation>指定年度应写作 片区=年度，例如 片区1=2028，而不是 {text}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no zone {zone} to pin; use a zone's id or name (a compound outside every zone is c:ID).</source>
        <translation>没有可指定年度的片区 {zone}；请使用片区编号或名称（不属于任何片区的小区写作 c:小区编号）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The project has no compounds layer to plan.</source>
        <translation>项目中没有小区图层，无法编制改造计划。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/catalogue.py" line="+136"/>
        <source>The catalogue has no item {key}.</source>
        <translation>改造内容库中没有 {key} 项。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot read the catalogue {path}: {reason}</source>
        <translation>无法读取改造内容库 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The catalogue {path} has no items list.</source>
        <translation>改造内容库 {path} 中没有改造内容列表。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalogue lists item {item} twice.</source>
        <translation>改造内容库中 {item} 项重复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The floor area per dwelling must be positive.</source>
        <translation>户均建筑面积必须大于零。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Catalogue item {number} has no key.</source>
        <translation>改造内容库第 {number} 项缺少代码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalogue item {item} has no funding shares.</source>
        <translation>改造内容 {item} 缺少资金分担比例。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Catalogue item {item}: {what} must be a number, not {value}.</source>
        <translation>改造内容 {item}：{what} 应为数字，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Catalogue item {item}: the unit cost {cost} is negative.</source>
        <translation>改造内容 {item}：单价 {cost} 为负数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catalogue item {item}: facility sizes must be zero or more.</source>
        <translation>改造内容 {item}：设施面积不能为负数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalogue item {item}: the share of {channel} is negative.</source>
        <translation>改造内容 {item}：{channel} 的分担比例为负数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalogue item {item}: the funding shares add up to {total:g} %, not 100 %.</source>
        <translation>改造内容 {item}：资金分担比例合计为 {total:g} %，而不是 100 %。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalogue item {item}: the cap on {channel} is negative.</source>
        <translation>改造内容 {item}：{channel} 的上限为负数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Catalogue item {item}: unknown {what} {value}; use one of {allowed}.</source>
        <translation>改造内容 {item}：未知的 {what} {value}；请使用 {allowed} 之一。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/consent.py" line="+7"/>
        <source>Cannot read the consent table {path}: {reason}</source>
        <translation>无法读取居民意愿表 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The consent table {path} has no {column} column; it needs id, stage, agree and total.</source>
        <translation>居民意愿表 {path} 中没有 {column} 列；需要 id、stage、agree 和 total 列。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/contents.py" line="+117"/>
        <source>A quantity must be zero or more.</source>
        <translation>工程量不能为负数。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/schedule.py" line="+40"/>
        <source>The programme needs at least one year.</source>
        <translation>改造计划至少需要一个年度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annual budgets and targets must be positive.</source>
        <translation>年度预算和目标必须大于零。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Zone {zone} is pinned to {year}, outside the programme years {first}–{last}.</source>
        <translation>片区 {zone} 指定在 {year} 年，不在计划年度 {first}–{last} 之内。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The zones pinned to {year} cost {cost}, more than the annual budget of {budget}: unpin one or raise the budget.</source>
        <translation>指定在 {year} 年的片区投资 {cost}，超过年度预算 {budget}：请取消部分指定或提高预算。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The annual budget of {budget} is too small for any zone: the smallest costs {smallest}. Raise the budget or split zones.</source>
        <translation>年度预算 {budget} 不足以安排任何片区：投资最小的片区需 {smallest}。请提高预算或拆分片区。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/model.py" line="+97"/>
        <source>The programme has lines of {item}, which the new catalogue lacks: tick them off or keep the item.</source>
        <translation>改造计划中仍有 {item} 的内容，新的内容库中没有该项：请先取消勾选或保留该项。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/access.py" line="+33"/>
        <source>Network distances need a walking network: give {option} (a road layer or an OSM file).</source>
        <translation>沿路网计算距离需要步行路网：请用 {option} 指定（道路图层或 OSM 文件）。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The compound layer has no column '{column}' ({option}); its columns are: {columns}.</source>
        <translation>小区图层没有字段“{column}”（{option}）；现有字段：{columns}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The compounds have no households, population or age-group field to weigh demand by. Name the column with {option} (or map it: --field compounds.households=COLUMN).</source>
        <translation>小区没有可作为需求的户数、人口或年龄组字段。请用 {option} 指定字段（或映射：--field compounds.households=字段名）。</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../gis/supply/capacity.py" line="+205"/>
        <source>The facility layer has no column '{column}' ({option}); its columns are: {columns}.</source>
        <translation>设施图层没有字段“{column}”（{option}）；现有字段：{columns}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The project has no facility layer: add one (File &gt; Add data), or give {option}.</source>
        <translation>项目中没有设施图层：请添加（文件 &gt; 添加数据），或用 {option} 指定。</translation>
    </message>
    <message>
        <location filename="../../gis/supply/capacity.py" line="-82"/>
        <location line="+4"/>
        <source>The capacity preset is malformed: {reason}</source>
        <translation>容量预设格式有误：{reason}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot read the capacity preset {path}: {reason}</source>
        <translation>无法读取容量预设 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/cli/join.py" line="+68"/>
        <source>The compounds have no name field. Say which column with {option}=COLUMN.</source>
        <translation>小区图层没有名称字段。请用 {option}=列名 指定。</translation>
    </message>
    <message>
        <location filename="../../gis/people/join.py" line="+87"/>
        <source>{path} has no address column (地址). Say which with {option} COLUMN, or join by name.</source>
        <translation>{path} 没有地址列。请用 {option} 列名 指定，或按名称关联。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The compounds have no address column (地址). Say which with {option} COLUMN, or join by name.</source>
        <translation>小区图层没有地址列。请用 {option} 列名 指定，或按名称关联。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The compounds have no column '{column}' (found: {columns}). Give one of them to {option}.</source>
        <translation>小区图层没有“{column}”列（现有：{columns}）。请给 {option} 其中之一。</translation>
    </message>
    <message>
        <location filename="../../gis/people/preset.py" line="+66"/>
        <source>The people preset's {name} is {value}; it must be between {low} and {high}.</source>
        <translation>人口预设中的 {name} 为 {value}；应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The people preset's age shares must be between 0 and 1 and add up to at most 1.</source>
        <translation>人口预设中的年龄比例应在 0 到 1 之间，且之和不超过 1。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot read the people preset {path}: {reason}</source>
        <translation>无法读取人口预设 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/people/raster.py" line="+51"/>
        <source>{path} is not a readable raster ({reason}).</source>
        <translation>{path} 不是可读取的栅格（{reason}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} has no coordinate system; a population raster needs one.</source>
        <translation>{path} 没有坐标系；人口栅格必须有坐标系。</translation>
    </message>
    <message>
        <location filename="../../gis/people/table.py" line="-65"/>
        <source>{path} is not a table: a survey table is a .csv or .xlsx file.</source>
        <translation>{path} 不是表格：调查表应为 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path}: no column holds compound names (found: {columns}). Say which with {option} COLUMN.</source>
        <translation>{path}：找不到小区名称列（现有：{columns}）。请用 {option} 列名 指定。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{path} has no column '{column}' (found: {columns}). Give one of them to {option}.</source>
        <translation>{path} 没有“{column}”列（现有：{columns}）。请给 {option} 其中之一。</translation>
    </message>
    <message>
        <location filename="../../gis/raster/basemaps.py" line="+83"/>
        <source>A 天地图 key is 32 letters and digits (apply for one at console.tianditu.gov.cn); the basemap stays off.</source>
        <translation>天地图密钥由 32 位字母和数字组成（可在 console.tianditu.gov.cn 申请）；底图保持关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A tile URL starts with http:// or https:// and holds {{z}}, {{x}} and {{y}}, e.g. https://tiles.example.cn/{{z}}/{{x}}/{{y}}.png; the basemap stays off.</source>
        <translation>瓦片地址须以 http:// 或 https:// 开头，并包含 {{z}}、{{x}} 和 {{y}}，例如 https://tiles.example.cn/{{z}}/{{x}}/{{y}}.png；底图保持关闭。</translation>
    </message>
    <message>
        <location filename="../../gis/raster/layer.py" line="+82"/>
        <source>Raster {layer}: its file {path} was not found (moved or renamed). Point to it with Locate file… in the layer list; the layer is kept.</source>
        <translation>栅格 {layer}：找不到其文件 {path}（已移动或改名）。请在图层列表中用“查找文件…”指定它；图层已保留。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Raster {layer} cannot be shown: {reason}</source>
        <translation>栅格 {layer} 无法显示：{reason}</translation>
    </message>
    <message>
        <location filename="../../gis/raster/pyramid.py" line="+98"/>
        <source>The overviews of {path} could not be built: {reason}</source>
        <translation>无法为 {path} 生成金字塔（概览）：{reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not enough disk space for the overviews of {path}: they need about {need} MB and {free} MB are free in {folder}. Free some space and add the raster again; the project is unchanged.</source>
        <translation>磁盘空间不足，无法为 {path} 生成金字塔：约需 {need} MB，{folder} 中仅剩 {free} MB。请释放空间后重新添加该栅格；项目未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../gis/raster/source.py" line="+22"/>
        <source>{path} is not a raster GDAL can read ({reason}). Check that the file is complete and is a GeoTIFF, JPG or PNG.</source>
        <translation>{path} 不是 GDAL 可读取的栅格（{reason}）。请检查文件是否完整，且为 GeoTIFF、JPG 或 PNG。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>World file {path} must hold six numbers (pixel size, rotation, origin). Correct it or delete it.</source>
        <translation>坐标文件 {path} 必须包含六个数字（像元大小、旋转、原点）。请更正或删除它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>World file {path} gives a pixel size of zero, so the image has no extent. Correct its first and fourth lines (pixel width and height).</source>
        <translation>坐标文件 {path} 中的像元大小为零，影像没有范围。请更正其第一行和第四行（像元宽度和高度）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} has no georeferencing and no world file: the map cannot place it. Add a world file ({world}) beside it, or georeference it in a GIS first.</source>
        <translation>{path} 没有地理参考，也没有坐标文件，无法放到地图上。请在其旁边添加坐标文件（{world}），或先在 GIS 中进行地理配准。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is placed by control points only; warp it to a georeferenced GeoTIFF in a GIS first.</source>
        <translation>{path} 仅由控制点定位；请先在 GIS 中将其校正为带地理参考的 GeoTIFF。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{path} is damaged or incomplete (perhaps a copy that did not finish): {reason}. Copy it again.</source>
        <translation>{path} 已损坏或不完整（可能是未完成的复制）：{reason}。请重新复制该文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{path} does not say which coordinate system its world file uses. Choose it (most likely: {likely}).</source>
        <translation>{path} 未说明其坐标文件所用的坐标系。请选择（最可能是：{likely}）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path} is not an MBTiles file (it is not an SQLite database). Export the tiles again as MBTiles.</source>
        <translation>{path} 不是 MBTiles 文件（不是 SQLite 数据库）。请重新导出为 MBTiles。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path} is not a readable MBTiles file (no tiles or metadata table: {reason}).</source>
        <translation>{path} 不是可读取的 MBTiles 文件（缺少 tiles 或 metadata 表：{reason}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} holds no tiles.</source>
        <translation>{path} 中没有瓦片。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Folder {path} holds no map tiles: an XYZ tile folder has zoom folders (0–24) with x folders and y.png or y.jpg files.</source>
        <translation>文件夹 {path} 中没有地图瓦片：XYZ 瓦片文件夹应包含缩放级别文件夹（0–24），其中为 x 文件夹和 y.png 或 y.jpg 文件。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/people.py" line="+46"/>
        <source>The compounds have no column '{column}'. Name one of theirs with {option}: {choices}.</source>
        <translation>小区图层没有字段“{column}”。请用 {option} 指定其中之一：{choices}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The buildings have no floors field, so their floor area is unknown. Say which column holds the floors with {option}=COLUMN.</source>
        <translation>建筑图层没有层数字段，无法算出建筑面积。请用 {option}=字段名 指定层数所在的字段。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The compounds have no households or residents to estimate from. Give their buildings ({option}), a floor area column or a population raster.</source>
        <translation>小区没有可据以估算的户数或常住人口。请提供建筑图层（{option}）、建筑面积字段或人口栅格。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../gis/export/programme_sheets.py" line="+31"/>
        <location filename="../../gis/wording.py" line="-100"/>
        <source>Zone ID</source>
        <translation>片区编号</translation>
    </message>
    <message>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gis/export/programme_sheets.py" line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member compound IDs</source>
        <translation>包含小区编号</translation>
    </message>
    <message>
        <location filename="../../gis/export/programme_sheets.py" line="+16"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Buildings</source>
        <translation>楼栋数</translation>
    </message>
    <message>
        <location filename="../../gis/export/programme_sheets.py" line="+1"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Compounds without households</source>
        <translation>缺户数小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone area (m²)</source>
        <translation>片区面积(m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone area (ha)</source>
        <translation>片区面积(公顷)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound land (m²)</source>
        <translation>小区用地(m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built from</source>
        <translation>最早建成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built to</source>
        <translation>最晚建成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old compounds (share)</source>
        <translation>老旧小区占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities inside</source>
        <translation>内部设施数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contiguous</source>
        <translation>连片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing services</source>
        <translation>缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of missing services</source>
        <translation>缺项数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gained by pooling</source>
        <translation>连片后补齐</translation>
    </message>
    <message>
        <location filename="../../gis/export/programme_sheets.py" line="+4"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="-20"/>
        <location filename="../../gis/wording.py" line="+2"/>
        <source>Compound ID</source>
        <translation>小区编号</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Contents</source>
        <translation>改造内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment</source>
        <translation>投资估算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding</source>
        <translation>资金筹措</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual plan</source>
        <translation>年度计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve</source>
        <translation>储备库</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(shared by the zone)</source>
        <translation>（片区共建）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>改造内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>工程量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price basis</source>
        <translation>计价单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit cost (yuan)</source>
        <translation>单价(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment (yuan)</source>
        <translation>投资(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment (10,000 yuan)</source>
        <translation>投资(万元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per household (yuan)</source>
        <translation>户均(元/户)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per m² of floor area (yuan)</source>
        <translation>单方(元/m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>实施年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back (quantity)</source>
        <translation>暂缓工程量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Floor area (m²)</source>
        <translation>建筑面积(m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up rank</source>
        <translation>体检排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agree to enter</source>
        <translation>入库同意率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it waits</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not asked yet</source>
        <translation>尚未征询居民意愿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement below the threshold</source>
        <translation>同意率未达到入库要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevator vote failed (Civil Code art. 278)</source>
        <translation>加装电梯表决未通过（民法典第278条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no room in the years' budget</source>
        <translation>年度预算不足，待后续年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No compound waits in the reserve.</source>
        <translation>储备库中暂无小区。</translation>
    </message>
    <message>
        <location filename="../../gis/wording.py" line="+1"/>
        <source>Build year</source>
        <translation>建成年代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building ID</source>
        <translation>楼栋编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly (60+)</source>
        <translation>老年人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children (0-6)</source>
        <translation>婴幼儿人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households affected</source>
        <translation>受影响户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearest (m)</source>
        <translation>最近距离(m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required (m)</source>
        <translation>要求距离(m)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+34"/>
        <source>Buildings needing an elevator</source>
        <translation>加装电梯楼栋</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Households in them</source>
        <translation>涉及户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevators</source>
        <translation>电梯数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy per elevator (yuan)</source>
        <translation>单台补贴(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy (yuan)</source>
        <translation>补贴合计(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per elevator (yuan)</source>
        <translation>单台造价(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total cost (yuan)</source>
        <translation>总造价(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents' share (yuan)</source>
        <translation>居民分摊(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents' share per household (yuan)</source>
        <translation>户均分摊(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimate (yuan)</source>
        <translation>估算(元)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy rule</source>
        <translation>补贴标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built before the cut-off</source>
        <translation>早于年限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound gaps</source>
        <translation>小区缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevator candidates</source>
        <translation>加装电梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsidy estimate</source>
        <translation>补贴估算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-up ranking</source>
        <translation>体检排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>制图日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepared on</source>
        <translation>编制日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map review number</source>
        <translation>审图号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>位置示意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned facilities</source>
        <translation>规划设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service gaps</source>
        <translation>服务缺口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old compound renewal plan</source>
        <translation>老旧小区改造规划图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No gaps</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../../gis/raster/html_overlay.py" line="+42"/>
        <source>Raster {name} was left out of the HTML map: its file was not found.</source>
        <translation>栅格 {name} 未放入 HTML 地图：找不到其文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raster {name} was left out of the HTML map: an image cannot be shifted to GCJ-02 like the vector layers.</source>
        <translation>栅格 {name} 未放入 HTML 地图：影像无法像矢量图层那样偏移到 GCJ-02。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Raster {name} was left out of the HTML map: its image would add {size} MB, more than the {cap} MB an HTML map may carry. Use a map layout (PDF/PNG) for it.</source>
        <translation>栅格 {name} 未放入 HTML 地图：其影像将增加 {size} MB，超过 HTML 地图可容纳的 {cap} MB。请改用地图布局（PDF/PNG）输出。</translation>
    </message>
</context>
<context>
    <name>gaps</name>
    <message>
        <location filename="../../gis/gaps/access.py" line="-277"/>
        <source>No {type} within {distance} m</source>
        <translation>{distance} 米内无{type}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>walking distance along the network</source>
        <translation>沿路网的步行距离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>straight-line distance from the compound boundary</source>
        <translation>自小区边界的直线距离</translation>
    </message>
    <message>
        <location line="+418"/>
        <source>The facility layer has no {types}; every compound counts as lacking them.</source>
        <translation>设施图层中没有{types}；所有小区均计为缺少。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} compounds reach no facility on the network (a piece of it is not connected): {ids}</source>
        <translation>{count} 个小区在路网上到达不了任何设施（路网有一部分未连通）：{ids}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} facilities stand by a piece of the network that is not connected to the main one, so compounds cannot walk to them; connect that piece (e.g. a park path) to the streets: {ids}</source>
        <translation>{count} 处设施旁的路网与主路网不连通，小区无法步行到达；请把这段路（如公园步道）与街道连通：{ids}</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/elevators.py" line="+19"/>
        <source>{count} buildings have no readable floors or elevator value and are not counted.</source>
        <translation>{count} 栋建筑的层数或电梯信息无法读取，未计入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} buildings belong to no compound; they count in the totals but in no compound or zone.</source>
        <translation>{count} 栋建筑不属于任何小区；计入总数，但不计入任何小区或片区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} buildings are not residential by their {field} field and are left out.</source>
        <translation>按“{field}”字段，{count} 栋建筑不是住宅，已排除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} buildings needing an elevator have no household count; each gets one elevator and 0 households.</source>
        <translation>{count} 栋需加装电梯的建筑没有户数；每栋按 1 部电梯、0 户计。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/ranking.py" line="-231"/>
        <source>Age (build year)</source>
        <translation>房龄（建成年代）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elderly services missing</source>
        <translation>养老服务缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child services missing</source>
        <translation>儿童服务缺项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households needing an elevator</source>
        <translation>需加装电梯户数占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households per hectare</source>
        <translation>每公顷户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share aged 60+</source>
        <translation>60 岁以上人口占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households lacking services</source>
        <translation>缺服务户数</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>The data has nothing for the indicator {key}; it is left out of the score.</source>
        <translation>数据中没有指标 {key} 所需的信息，该指标不计入得分。</translation>
    </message>
    <message>
        <location filename="../../gis/gaps/siting.py" line="-161"/>
        <source>optimal (MCLP solved exactly)</source>
        <translation>最优解（最大覆盖模型精确求解）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greedy: at least 63.2 % (1 − 1/e) of the best possible coverage</source>
        <translation>贪心解：覆盖量不低于最优解的 63.2%（1 − 1/e）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>greedy with capacities: each site serves at most its capacity</source>
        <translation>考虑容量的贪心算法：每处设施最多服务其容量</translation>
    </message>
    <message>
        <location line="+239"/>
        <source>The compounds have no {weight} field; every compound counts as 1.</source>
        <translation>小区没有 {weight} 字段；每个小区按 1 计。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The exact solver found no optimal answer in {seconds} s; the greedy answer is shown.</source>
        <translation>精确求解器在 {seconds} 秒内未得到最优解；显示贪心解。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/gaps.py" line="+4"/>
        <source>Measuring distances to the facilities</source>
        <translation>正在测算到设施的距离</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counting buildings that need an elevator</source>
        <translation>正在统计需加装电梯的建筑</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No facility is within {km:,.0f} km of any compound (the nearest is {nearest:,.0f} km away), so every compound lacks every service. Check that the facilities belong to this district and that their coordinate system is right (GCJ-02/BD-09 declared).</source>
        <translation>任何小区 {km:,.0f} 公里内都没有设施（最近的在 {nearest:,.0f} 公里外），因此所有小区都缺少全部服务。请检查设施数据是否属于本区，以及坐标系是否正确（是否已声明 GCJ-02/BD-09）。</translation>
    </message>
</context>
<context>
    <name>install</name>
    <message>
        <location filename="../../gis/install_check.py" line="+25"/>
        <source>The program folder is incomplete or damaged ({count} files): {files}. Please reinstall Old Compound Renewal Planner (run its installer again, or copy the whole folder again).</source>
        <translation>程序文件夹不完整或已损坏（{count} 个文件）：{files}。请重新安装老旧小区改造规划（再次运行安装程序，或重新复制整个文件夹）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../gui/frozen_start.py" line="+17"/>
        <source>Commands run in a console window with {exe} from the program folder, e.g. {example}</source>
        <translation>命令行功能请在控制台窗口中用程序文件夹里的 {exe} 运行，例如 {example}</translation>
    </message>
</context>
<context>
    <name>io</name>
    <message>
        <location filename="../../gis/io/crs_detect.py" line="-46"/>
        <source>{crs} has no published transformation to CGCS2000; coordinates are used without a datum shift and may be off by tens of metres (up to about 100 m). Use CGCS2000 data where you can.</source>
        <translation>{crs} 没有公开的到 CGCS2000 的转换参数；坐标未经基准转换直接使用，可能偏差数十米（最多约 100 米）。请尽量使用 CGCS2000 数据。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The coordinates ({range}) look like a local drawing system, not a map projection. Georeference the data, or choose its coordinate system.</source>
        <translation>坐标（{range}）看起来是本地绘图坐标，而非地图投影。请对数据进行地理配准，或选择其坐标系。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordinates ({range}) fit no coordinate system used in China. Choose the coordinate system.</source>
        <translation>坐标（{range}）不符合国内使用的任何坐标系。请选择坐标系。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Lon/lat numbers, but outside China ({range})</source>
        <translation>经纬度数值，但位于中国境外（{range}）</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Eastings near 500,000 m: the Gauss-Krüger zone cannot be read from the numbers. Choose the coordinate system; most likely EPSG:{epsg} ({name}).</source>
        <translation>东坐标接近 500,000 米：无法从数值判断高斯-克吕格投影带。请选择坐标系；最可能是 EPSG:{epsg}（{name}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The numbers look like Web Mercator metres (EPSG:3857). Baidu's own Mercator (BD-09MC) looks alike but is not supported: export lon/lat from it instead.</source>
        <translation>这些数值看起来是 Web 墨卡托米制坐标（EPSG:3857）。百度墨卡托（BD-09MC）与之相似，但不受支持：请从中导出经纬度后再导入。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Lon/lat inside China ({lon:.3f}°E, {lat:.3f}°N)</source>
        <translation>中国境内的经纬度（{lon:.3f}°E，{lat:.3f}°N）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This format is WGS 84 by definition</source>
        <translation>该格式规定使用 WGS 84</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agrees with CGCS2000 / WGS 84 to a few centimetres</source>
        <translation>与 CGCS2000 / WGS 84 仅相差几厘米</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older data; no published shift to CGCS2000</source>
        <translation>旧坐标系数据；没有公开的到 CGCS2000 的转换参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Web-map coordinates (scraped or exported from an online map), offset by several hundred metres; shifted to WGS 84</source>
        <translation>互联网地图坐标（从在线地图抓取或导出），有数百米偏移；将纠偏到 WGS 84</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lon/lat inside China, but the file does not say in which system: CGCS2000 / WGS 84, or GCJ-02 (AMap, Tencent) / BD-09 (Baidu) web-map coordinates, which lie several hundred metres away. Choose it.</source>
        <translation>中国境内的经纬度，但文件没有说明所用坐标系：CGCS2000 / WGS 84，还是相差数百米的 GCJ-02（高德、腾讯）/ BD-09（百度）互联网地图坐标。请选择。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Eastings start with {zone}: {kind} Gauss-Krüger zone {zone}; the data lies at {lon:.3f}°E, {lat:.3f}°N ({where})</source>
        <translation>东坐标以 {zone} 开头：{kind} 高斯-克吕格第 {zone} 带；数据位于 {lon:.3f}°E，{lat:.3f}°N（{where}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Same zone on an older datum; no published shift to CGCS2000</source>
        <translation>同一投影带，但为旧大地基准；没有公开的到 CGCS2000 的转换参数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Web Mercator (web-map exports): the data would lie at {lon:.3f}°E, {lat:.3f}°N ({where})</source>
        <translation>Web 墨卡托（互联网地图导出数据）：数据将位于 {lon:.3f}°E，{lat:.3f}°N（{where}）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The numbers fit both a 6-degree Gauss-Krüger zone and Web Mercator, which put the data far apart. Choose the coordinate system; most likely EPSG:{epsg} ({name}).</source>
        <translation>这些数值既符合 6° 高斯-克吕格投影带，也符合 Web 墨卡托，两者对应的位置相距很远。请选择坐标系；最可能是 EPSG:{epsg}（{name}）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>inside China</source>
        <translation>中国境内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside China</source>
        <translation>中国境外</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>WGS 84 / UTM zone {zone}N (international data): the data would lie at {lon:.3f}°E, {lat:.3f}°N</source>
        <translation>WGS 84 / UTM {zone}N 带（国际数据）：数据将位于 {lon:.3f}°E，{lat:.3f}°N</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Central meridian {cm}°E: the data would lie at {lon:.3f}°E, {lat:.3f}°N ({where})</source>
        <translation>中央经线 {cm}°E：数据将位于 {lon:.3f}°E，{lat:.3f}°N（{where}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>outside China's part of this zone</source>
        <translation>位于该投影带的中国境外部分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>near {city}</source>
        <translation>{city}附近</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next to the project's other layers</source>
        <translation>与项目中的其他图层相邻</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>you chose it for {n} other files</source>
        <translation>您曾为其他 {n} 个文件选择此坐标系</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The data ({lon:.3f}°E, {lat:.3f}°N) lies outside the area {crs} is meant for; check that the coordinate system is right.</source>
        <translation>数据（{lon:.3f}°E，{lat:.3f}°N）位于 {crs} 的适用范围之外；请检查坐标系是否正确。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Geographic</source>
        <translation>地理坐标系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGCS2000 3° Gauss-Krüger, central meridian</source>
        <translation>CGCS2000 3° 高斯-克吕格（按中央经线，不加带号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGCS2000 3° Gauss-Krüger, zone prefix</source>
        <translation>CGCS2000 3° 高斯-克吕格（加带号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGCS2000 6° Gauss-Krüger</source>
        <translation>CGCS2000 6° 高斯-克吕格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xian 1980 3° Gauss-Krüger</source>
        <translation>西安 1980 3° 高斯-克吕格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beijing 1954 3° Gauss-Krüger</source>
        <translation>北京 1954 3° 高斯-克吕格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WGS 84 / UTM</source>
        <translation>WGS 84 / UTM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web Mercator</source>
        <translation>Web 墨卡托</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GCJ-02 (AMap/Gaode, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../gis/io/encoding.py" line="+52"/>
        <source>Some text is not valid {encoding}; unreadable characters are replaced. Choose the encoding if names look wrong.</source>
        <translation>部分文本不是有效的 {encoding}；无法读取的字符已被替换。如名称显示不正确，请选择编码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The {where} says {declared}, but the text is {actual}; it was read as {actual}. Choose the encoding if names look wrong.</source>
        <translation>{where} 声明为 {declared}，但文本实际为 {actual}，已按 {actual} 读取。如名称显示不正确，请选择编码。</translation>
    </message>
    <message>
        <location filename="../../gis/io/fields.py" line="+234"/>
        <source>{n} values in '{column}' could not be read as {role} and were left empty.</source>
        <translation>“{column}”中有 {n} 个值无法读取为{role}，已留空。</translation>
    </message>
    <message>
        <location filename="../../gis/io/gdal_read.py" line="+128"/>
        <source>GDAL reported: {message}</source>
        <translation>GDAL 报告：{message}</translation>
    </message>
    <message>
        <location filename="../../gis/io/repair.py" line="+147"/>
        <source>The layer mixes geometry types; kept the {family} features and dropped {dropped}. Split the file by type to import the others.</source>
        <translation>图层混合了多种几何类型；保留了{family}要素，舍弃了 {dropped}。请按类型拆分文件以导入其余要素。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>{n} invalid geometries (self-intersections, bad rings) were repaired.</source>
        <translation>已修复 {n} 个无效几何（自相交、环错误）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} geometries collapsed to nothing when repaired and were dropped.</source>
        <translation>{n} 个几何在修复后退化为空，已舍弃。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} features without a usable geometry (empty, or with missing coordinates) were dropped.</source>
        <translation>已舍弃 {n} 个没有可用几何（为空或缺少坐标）的要素。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z values of {n} features were dropped.</source>
        <translation>已舍弃 {n} 个要素的 Z 值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M values of {n} features were dropped.</source>
        <translation>已舍弃 {n} 个要素的 M 值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} features repeat the geometry of an earlier feature; they are kept and flagged.</source>
        <translation>{n} 个要素与之前的要素几何重复；已保留并标记。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{n} features are implausibly large (over {factor}× the median of {median} m² and over 1 km²): rows {rows}. A damaged file? They are kept, but zone suggestions leave them out; check them on the map.</source>
        <translation>{n} 个要素面积大得不合常理（超过面积中位数 {median} m² 的 {factor} 倍且大于 1 km²）：第 {rows} 行。文件可能已损坏？这些要素已保留，但片区建议会排除它们；请在地图上核查。</translation>
    </message>
    <message>
        <location filename="../../gis/io/roles.py" line="+61"/>
        <source>Nothing shows what these points are; choose the layer's role.</source>
        <translation>无法判断这些点表示什么；请选择图层类型。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>polygon geometry</source>
        <translation>面状几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line geometry</source>
        <translation>线状几何</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point geometry</source>
        <translation>点状几何</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the name '{name}'</source>
        <translation>名称“{name}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field '{column}' ({role})</source>
        <translation>字段“{column}”（{role}）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{pct:.0f}% of the names are facility types</source>
        <translation>{pct:.0f}% 的名称是设施类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{pct:.0f}% of the names are gates or entrances</source>
        <translation>{pct:.0f}% 的名称是大门或出入口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{pct:.0f}% of the names are rivers, lakes or railways</source>
        <translation>{pct:.0f}% 的名称是河流、湖泊或铁路</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{pct:.0f}% of the names are residential compounds</source>
        <translation>{pct:.0f}% 的名称是居住小区</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>median area {area:,.0f} m²</source>
        <translation>面积中位数 {area:,.0f} m²</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not residential by category ({examples}): {n} of {total} features. Remove such features if the layer should hold compounds only.</source>
        <translation>{total} 个要素中有 {n} 个按类别不属于住宅（{examples}）。如果该图层只应包含小区，请删除这些要素。</translation>
    </message>
    <message>
        <location filename="../../gis/io/shapefile.py" line="+56"/>
        <source>The index (.shx) is damaged ({reason}); it was rebuilt from the .shp.</source>
        <translation>索引文件（.shx）已损坏（{reason}），已根据 .shp 重建。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The .shp header gives a wrong file length ({declared:,} bytes; the file has {size:,}); every feature was read.</source>
        <translation>.shp 文件头中的文件长度有误（{declared:,} 字节，实际为 {size:,} 字节）；所有要素均已读取。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} features have no record in the .dbf and were dropped. Get an undamaged copy of the .dbf to keep them.</source>
        <translation>{n} 个要素在 .dbf 中没有记录，已舍弃。如需保留，请取得未损坏的 .dbf 副本。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The attribute table (.dbf) is missing: only geometries were imported.</source>
        <translation>缺少属性表（.dbf）：仅导入了几何。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} field names were cut in the middle of a character by the program that wrote the file; the broken character was removed.</source>
        <translation>{n} 个字段名被写入文件的程序从字符中间截断；已删除残缺的字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The index (.shx) does not match the .shp and was rebuilt from it.</source>
        <translation>索引文件（.shx）与 .shp 不符，已根据 .shp 重建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The index (.shx) was missing and was rebuilt from the .shp.</source>
        <translation>索引文件（.shx）缺失，已根据 .shp 重建。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The .prj is not UTF-8 text (Chinese names in GBK); it was read as GB18030.</source>
        <translation>.prj 不是 UTF-8 文本（中文名称为 GBK 编码）；已按 GB18030 读取。</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The .shp is cut off ({size:,} of {declared:,} bytes): {n} features lost their geometry and were dropped. Copy the file again if you have the whole one.</source>
        <translation>.shp 文件不完整（{size:,} / {declared:,} 字节）：{n} 个要素丢失几何，已舍弃。如有完整文件，请重新复制。</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>The .prj file could not be understood; the coordinate system was inferred.</source>
        <translation>无法识别 .prj 文件；坐标系为推断所得。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/outputs.py" line="-57"/>
        <source>Left out of the export: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The project has no roads layer: distances are straight lines.</source>
        <translation>项目中没有道路图层：距离按直线计算。</translation>
    </message>
    <message>
        <location filename="../../gis/export/vector.py" line="-21"/>
        <source>{layer}: field names were shortened to the Shapefile limit of 10 bytes: {fields}</source>
        <translation>{layer}：字段名已按 Shapefile 的 10 字节上限截短：{fields}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{layer}: {count} values hold characters {encoding} cannot store; they were replaced by '?'. Export as UTF-8 to keep them.</source>
        <translation>{layer}：{count} 个值包含 {encoding} 无法存储的字符，已替换为“?”。导出为 UTF-8 可保留这些字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{layer}: {count} text values were longer than the Shapefile limit of 254 bytes and were shortened. GeoPackage keeps them whole.</source>
        <translation>{layer}：{count} 个文本值超过 Shapefile 的 254 字节上限，已截短。GeoPackage 可完整保留。</translation>
    </message>
    <message>
        <location filename="../../gis/io/cad.py" line="+5"/>
        <source>The drawing has {n} CAD layers ({names}); all were read. Choose one to import only its entities.</source>
        <translation>图纸含 {n} 个 CAD 图层（{names}），已全部读取。如只导入某一图层的图元，请选择该图层。</translation>
    </message>
    <message>
        <location filename="../../gis/io/formats.py" line="-100"/>
        <source>The encoding choice was not used: {driver} files store text as Unicode.</source>
        <translation>未使用所选编码：{driver} 文件以 Unicode 存储文本。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{n} characters are not valid {encoding} and were replaced by �. Choose the file's encoding if names look wrong.</source>
        <translation>有 {n} 个字符不是有效的 {encoding}，已替换为 �。如名称显示不对，请选择文件的编码。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{path} has {n} layers; read '{layer}'. Choose another with the layer option: {names}.</source>
        <translation>{path} 含 {n} 个图层；已读取“{layer}”。可通过图层选项选择其他图层：{names}。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Read all {n} KML folders together (column 'folder'); choose one to import only it.</source>
        <translation>已合并读取全部 {n} 个 KML 文件夹（列“KML 文件夹”）；如只导入其中一个，请选择该文件夹。</translation>
    </message>
    <message>
        <location filename="../../gis/io/importer.py" line="-177"/>
        <source>The coordinate system the file declares ({crs}) cannot be converted to WGS 84 (a damaged definition); it was ignored and inferred from the numbers.</source>
        <translation>文件声明的坐标系（{crs}）无法转换到 WGS 84（定义已损坏），已忽略，并根据坐标数值推断坐标系。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} features lie far outside the area of {crs} (bad coordinates) and were dropped.</source>
        <translation>{n} 个要素远在 {crs} 的适用范围之外（坐标错误），已舍弃。</translation>
    </message>
    <message>
        <location filename="../../gis/io/crs_memory.py" line="+126"/>
        <source>Using the coordinate system you chose before for this file: {answer}.</source>
        <translation>使用您之前为此文件选择的坐标系：{answer}。</translation>
    </message>
    <message>
        <location filename="../../gis/io/importer.py" line="+127"/>
        <source>This looks like GCJ-02 data (AMap, Tencent). Web-map coordinates are offset by several hundred metres; if so, mark the layer as GCJ-02.</source>
        <translation>这看起来是 GCJ-02 数据（高德、腾讯）。网络地图坐标有数百米偏移；如果是，请将该图层标记为 GCJ-02。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This looks like BD-09 data (Baidu). Web-map coordinates are offset by several hundred metres; if so, mark the layer as BD-09.</source>
        <translation>这看起来是 BD-09 数据（百度）。网络地图坐标有数百米偏移；如果是，请将该图层标记为 BD-09。</translation>
    </message>
    <message>
        <location filename="../../gis/io/tables.py" line="-149"/>
        <source>{n} coordinate cells exceed the length limit of {limit} and were not read as degrees-minutes-seconds (raise "max_cell_chars" under "read_limits" in the settings if they are genuine).</source>
        <translation>有 {n} 个坐标单元格超过长度上限 {limit}，未按度分秒读取（如内容确实无误，请在设置的 "read_limits" 中调高 "max_cell_chars"）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Columns '{x}' and '{y}' hold latitude and longitude the other way round; they were swapped.</source>
        <translation>列“{x}”和“{y}”中的纬度与经度位置颠倒，已互换。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column '{x}' holds northings and '{y}' eastings (the surveying convention, X north and Y east); they were swapped.</source>
        <translation>列“{x}”为北坐标、“{y}”为东坐标（测量惯例：X 向北、Y 向东），已互换。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The coordinate columns '{x}', '{y}' are named as {datum}. If so, mark the layer as {datum} so it is shifted to WGS 84.</source>
        <translation>坐标列“{x}”、“{y}”的命名表明是 {datum}。如确是，请将图层标记为 {datum}，以便纠偏至 WGS 84。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The coordinate columns '{x}', '{y}' are named as EPSG:{epsg}; read as such.</source>
        <translation>坐标列“{x}”“{y}”的名称标明为 EPSG:{epsg}；已按此读取。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} rows have no usable coordinates in '{x}' / '{y}' and were dropped.</source>
        <translation>{n} 行在“{x}”/“{y}”中没有可用坐标，已舍弃。</translation>
    </message>
    <message>
        <location filename="../../gis/io/gpkg_guard.py" line="-118"/>
        <source>Layer '{layer}' was left out: reading it went past the reading cap {cap} (a view that never ends?). The other layers can be read; if the layer is genuine, raise "{cap}" under "read_limits" in the settings.</source>
        <translation>图层“{layer}”已略过：读取它超出了读取上限 {cap}（可能是永不结束的视图？）。其他图层可以读取；如该图层确属正常，请在设置的“read_limits”中调高“{cap}”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer '{layer}' was left out: SQLite cannot run its query ({reason}). The other layers can be read.</source>
        <translation>图层“{layer}”已略过：SQLite 无法执行它的查询（{reason}）。其他图层可以读取。</translation>
    </message>
    <message>
        <location filename="../../gis/io/dbf.py" line="+93"/>
        <source>The .dbf header gives a wrong header length ({stated}); it was set to {fixed} from the field list.</source>
        <translation>.dbf 文件头中的头长度有误（{stated}），已按字段列表改为 {fixed}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The .dbf header says {stated} records but the file holds {n}; what it holds was read.</source>
        <translation>.dbf 文件头声明有 {stated} 条记录，但文件中实有 {n} 条；已读取实有的记录。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The .dbf header gives a wrong record length ({stated}); it was set to {fixed}, the sum of the field lengths.</source>
        <translation>.dbf 文件头中的记录长度有误（{stated}），已改为各字段长度之和 {fixed}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The .dbf is damaged: its field lengths add up to {implied} bytes but its records are {stated} bytes, so its {n} fields ({names}) could not be read and only geometries were imported. Get an undamaged copy of the .dbf.</source>
        <translation>.dbf 已损坏：字段长度合计 {implied} 字节，而记录长度为 {stated} 字节，因此其 {n} 个字段（{names}）无法读取，仅导入了几何图形。请取得未损坏的 .dbf 副本。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The .dbf gives field '{name}' a length of 255, which does not fit its records; it was set to {fixed}, what the other fields leave.</source>
        <translation>.dbf 中字段“{name}”的长度为 255，与记录长度不符；已按其他字段剩余的长度改为 {fixed}。</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../gis/network/build.py" line="-35"/>
        <source>Snapping line ends</source>
        <translation>正在吸附道路端点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Noding crossings</source>
        <translation>正在打断交叉道路</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Joining dead ends</source>
        <translation>正在连接断头路</translation>
    </message>
    <message>
        <location filename="../../gis/network/osm.py" line="-3"/>
        <source>Reading OSM ways</source>
        <translation>正在读取 OSM 道路</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Building the graph</source>
        <translation>正在构建路网图</translation>
    </message>
    <message>
        <location filename="../../gis/network/service_area.py" line="+17"/>
        <source>{count} features are not facilities of a known type and were left out: {ids}</source>
        <translation>{count} 个要素不是已知类型的设施，已排除：{ids}</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>{count} facilities are too far from any walkable line and reach nothing: {ids}</source>
        <translation>{count} 处设施离可步行道路过远，无法到达任何地方：{ids}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} facilities lie more than {metres} m from the nearest walkable line; their walks start with that straight stretch: {ids}</source>
        <translation>{count} 处设施距最近的可步行道路超过 {metres} 米，步行从这段直线距离开始计算：{ids}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} facilities sit on a piece of the network that is not connected to the main one: {ids}</source>
        <translation>{count} 处设施位于与主路网不连通的孤立路段上：{ids}</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/gaps.py" line="+14"/>
        <location filename="../../gis/analysis/life_circles.py" line="+42"/>
        <source>Building the walking network</source>
        <translation>正在构建步行路网</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/life_circles.py" line="-54"/>
        <source>{count} facilities lie more than {metres} m from every street and were left out: {ids}</source>
        <translation>{count} 个设施距所有街道超过 {metres} 米，未参与计算：{ids}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Laying the street grid</source>
        <translation>正在铺设街道网格</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Drawing service areas</source>
        <translation>正在生成服务范围</translation>
    </message>
    <message>
        <location filename="../../gis/network/graph.py" line="+46"/>
        <source>The walking network has {count} disconnected pieces; the largest holds {share}% of its length.</source>
        <translation>步行路网有 {count} 个互不连通的子网；最大的子网占路网总长的 {share}%。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} road lines have straight stretches longer than {metres} m; if pieces of a road were joined into one line, split them before use.</source>
        <translation>{count} 条道路线含长于 {metres} 米的直线段；如果是把多段道路连成了一条线，请先拆分再使用。</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <location filename="../../gis/people/estimate.py" line="+38"/>
        <source>'{column}': {n} compounds estimated from the compound's floor area × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</source>
        <translation>“{column}”：{n} 个小区按小区建筑面积 × {factor} ÷ 每户 {size} m² 估算（在“{marks}”中标注）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>'{column}': {n} compounds estimated from their buildings' footprint × floors × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</source>
        <translation>“{column}”：{n} 个小区按楼栋基底面积 × 层数 × {factor} ÷ 每户 {size} m² 估算（在“{marks}”中标注）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>'{column}': {n} compounds estimated as households × {pph} (persons per household; marked in '{marks}').</source>
        <translation>“{column}”：{n} 个小区按户数 × {pph}（户均人口）估算（在“{marks}”中标注）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>'{column}': {n} compounds estimated as residents × the age share: their district's own for {areas}, else {share} ({shares}) (marked in '{marks}').</source>
        <translation>“{column}”：{n} 个小区按常住人口 × 年龄比例估算：其中 {areas} 个用所在区/街道的比例，其余用 {share}（{shares}）（在“{marks}”中标注）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>'{column}': {n} compounds estimated from the population raster {file}, area-weighted (marked in '{marks}').</source>
        <translation>“{column}”：{n} 个小区按人口栅格 {file} 面积加权估算（在“{marks}”中标注）。</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>'{column}': {n} compounds still have no value (nothing to estimate it from).</source>
        <translation>“{column}”：{n} 个小区仍无数值（缺少估算依据）。</translation>
    </message>
    <message>
        <location filename="../../gis/people/join.py" line="-11"/>
        <source>{n} compound names are used by more than one compound ({names}); rows naming them are listed as ambiguous, never joined to the first.</source>
        <translation>{n} 个小区名称被多个小区共用（{names}）；写这些名称的行列为待定，不会关联到第一个。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{n} compounds already had a value in '{column}'; it was kept and the table's left aside.</source>
        <translation>{n} 个小区在“{column}”中已有数值；已保留原值，表中数值未采用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Row {row}, '{column}': '{value}' is negative; skipped.</source>
        <translation>第 {row} 行“{column}”：“{value}”为负数，已跳过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row {row}, '{column}': '{value}' is not a number; skipped.</source>
        <translation>第 {row} 行“{column}”：“{value}”不是数字，已跳过。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n} compounds got several table rows (phases or parts of one compound); their counts were added up (compound row ← table rows): {pairs}.</source>
        <translation>{n} 个小区对应表中多行（分期或同一小区的几部分），数量已相加（小区行 ← 表行）：{pairs}。</translation>
    </message>
    <message>
        <location filename="../../gis/people/marks.py" line="+26"/>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>survey table</source>
        <translation>调查表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated</source>
        <translation>估算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (from floor area)</source>
        <translation>估算（按建筑面积）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (from buildings)</source>
        <translation>估算（按建筑）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (households × persons per household)</source>
        <translation>估算（按户数×户均人口）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (age shares)</source>
        <translation>估算（按年龄比例）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated (population raster)</source>
        <translation>估算（按人口栅格）</translation>
    </message>
</context>
<context>
    <name>programme</name>
    <message>
        <location filename="../../gis/analysis/programme.py" line="+27"/>
        <source>The {rule} elevator subsidy is defined for {first}–{last}; the programme uses its {year} amount. Edit the subsidy preset when the city publishes new figures.</source>
        <translation>{rule}加装电梯补贴标准仅规定了 {first}–{last} 年；计划按 {year} 年标准估算。该市公布新标准后请修改补贴预设。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/catalogue.py" line="-248"/>
        <source>Basic</source>
        <translation>基础类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improvement</source>
        <translation>完善类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhancement</source>
        <translation>提升类</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>m² of floor area</source>
        <translation>m²建筑面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household</source>
        <translation>户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>building</source>
        <translation>栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevator</source>
        <translation>台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>m² of new facility</source>
        <translation>m²新建设施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lump sum</source>
        <translation>项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Central subsidy</source>
        <translation>中央补助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local budget</source>
        <translation>地方财政</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special bonds</source>
        <translation>专项债券</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilities (水电气信)</source>
        <translation>管线单位（水电气信）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social capital</source>
        <translation>社会资本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents</source>
        <translation>居民出资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevator subsidy</source>
        <translation>加装电梯补贴</translation>
    </message>
    <message>
        <location filename="../../gis/programme/consent.py" line="-72"/>
        <source>Consent table row {row}: no building needing an elevator has the id {building}; the row is left out.</source>
        <translation>居民意愿表第 {row} 行：没有编号为 {building} 的待加装电梯楼栋，该行未采用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent table row {row}: no compound has the id {id}; the row is left out.</source>
        <translation>居民意愿表第 {row} 行：没有编号为 {id} 的小区，该行未采用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent table row {row}: unknown stage {stage} (use enter, design, acceptance or elevator); the row is left out.</source>
        <translation>居民意愿表第 {row} 行：未知阶段 {stage}（应为 enter、design、acceptance 或 elevator），该行未采用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent table row {row} (compound {id}): agree and total must be numbers with 0 ≤ agree ≤ total and total &gt; 0; the row is left out.</source>
        <translation>居民意愿表第 {row} 行（小区 {id}）：agree 与 total 应为数字，且 0 ≤ agree ≤ total、total &gt; 0，该行未采用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent table row {row} (compound {id}): an elevator vote needs agree ≤ participating ≤ total, by headcount and by area; the row is left out.</source>
        <translation>居民意愿表第 {row} 行（小区 {id}）：加装电梯表决须满足 同意 ≤ 参与 ≤ 总数（按人数和按面积），该行未采用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An elevator vote needs a headcount above 0 and agree ≤ participating ≤ total, by headcount and by area.</source>
        <translation>加装电梯表决须总人数大于 0，且按人数和按面积均满足 同意 ≤ 参与 ≤ 总数。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/facts.py" line="+107"/>
        <source>{count} compounds have no buildings with floors: their floor area is households x {m2:g} m² (the catalogue's dwelling size).</source>
        <translation>{count} 个小区没有带层数的建筑：其建筑面积按户数 × {m2:g} m²（内容库的户均面积）估算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} compounds have neither buildings with floors nor households: their items priced per m² or per household cost nothing. Map a households field or add buildings.</source>
        <translation>{count} 个小区既没有带层数的建筑也没有户数：按 m² 或按户计价的改造内容投资为零。请指定户数字段或添加建筑图层。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The zone plan covers {zoned} compounds, while the compounds layer has {count}: every compound is planned as a zone of one. Redraw the zones on this layer.</source>
        <translation>片区划分覆盖 {zoned} 个小区，而小区图层有 {count} 个：每个小区按单独片区编制计划。请在该图层上重新划定片区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no elevator analysis (a buildings layer with floors and elevator fields is needed), so no elevators are proposed.</source>
        <translation>没有加装电梯分析（需要带层数和电梯字段的建筑图层），因此未建议加装电梯。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no gap analysis (a facilities layer is needed), so no service facilities are proposed; tick them by hand.</source>
        <translation>没有缺项分析（需要设施图层），因此未建议配套服务设施；请手动勾选。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The compounds have no build year field: every compound gets the basic items.</source>
        <translation>小区没有建成年代字段：所有小区均列入基础类改造内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} compounds have no readable build year: no items are proposed for them; tick them by hand.</source>
        <translation>{count} 个小区的建成年代无法识别：未为其建议改造内容，请手动勾选。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/model.py" line="+82"/>
        <source>No consent counts were given: every compound is taken as agreeing to enter the plan.</source>
        <translation>未提供居民意愿数据：所有小区均视为同意纳入计划。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} compounds wait in the reserve: {failed} below the consent threshold, {not_asked} not asked yet.</source>
        <translation>{count} 个小区进入储备库：{failed} 个同意率未达标，{not_asked} 个尚未征询。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/schedule.py" line="-22"/>
        <source>Zone {zone} is pinned to {year} but has no consenting compound with work to do; it stays unscheduled.</source>
        <translation>片区 {zone} 指定在 {year} 年，但没有已同意且有改造内容的小区，暂不安排。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{year}: {done:,.0f} households scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</source>
        <translation>{year} 年：安排 {done:,.0f} 户，低于年度目标 {target:,.0f} 户（预算或片区规模不允许安排更多）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{year}: {done:,.0f} compounds scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</source>
        <translation>{year} 年：安排 {done:,.0f} 个小区，低于年度目标 {target:,.0f} 个（预算或片区规模不允许安排更多）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{count} zones cost more than a year's budget or exceed a year's target and are not scheduled: {zones}. Split them or raise the budget.</source>
        <translation>{count} 个片区的投资超过年度预算或超出年度目标，未安排年度：{zones}。请拆分片区或提高预算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} zones ({cost}) do not fit into {first}–{last} under the budget and wait for later years: {zones}.</source>
        <translation>{count} 个片区（{cost}）在 {first}–{last} 年的预算内无法安排，留待后续年度：{zones}。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No annual budget was given: the work is spread evenly, about {budget} a year.</source>
        <translation>未设定年度预算：各年平均分摊，每年约 {budget}。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{count} zones would exceed the annual household or compound target in every year and are not scheduled: {zones}. Raise the target, add years or split them.</source>
        <translation>{count} 个片区在任何年份都会超过年度户数或小区数目标，未排入计划：{zones}。请提高目标、增加年份或拆分片区。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/state.py" line="+117"/>
        <source>{count} saved plan edits refer to compounds, zones, buildings or items that are no longer in the project and were left out.</source>
        <translation>{count} 条已保存的计划修改所指的小区、片区、楼栋或改造内容已不在项目中，已略去。</translation>
    </message>
    <message>
        <location filename="../../gis/programme/sizing.py" line="+82"/>
        <source>The project has no {types}: their facilities are sized by the whole requirement of the provision standard (nothing is received from elsewhere).</source>
        <translation>项目中没有{types}：这些设施按配置标准的全部需求确定规模（不计从别处获得的供给）。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{items}: sized by households (the catalogue's m² per 100 households, at least the item's size), because no shortfall against a provision standard is known for them (an access analysis with a standard, a base field and, for places, the item's m² per place).</source>
        <translation>{items}：按户数确定规模（内容库的每百户面积，且不小于该项目的最小规模），因为尚无按配置标准计算的缺口（需要含配置标准和基数字段的可达性分析；按学位等计量的还需该项目的每学位面积）。</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <location filename="../../gis/project_diff.py" line="+71"/>
        <source>Not in a project file yet: layers {layers}, zones {zones}.</source>
        <translation>尚未保存为项目文件：{layers} 个图层，{zones} 个片区。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layer {name} removed.</source>
        <translation>已删除图层 {name}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer order changed.</source>
        <translation>图层顺序已改变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project settings changed.</source>
        <translation>项目设置已改变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers, features, zones and settings are as in the project file.</source>
        <translation>图层、要素、片区和设置与项目文件相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layer {name} added ({count} features).</source>
        <translation>新增图层 {name}（{count} 个要素）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer {old} renamed to {name}.</source>
        <translation>图层 {old} 已改名为 {name}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: {changed} features changed or added, {removed} removed ({before} → {after} in all).</source>
        <translation>{name}：{changed} 个要素修改或新增，{removed} 个删除（共 {before} → {after} 个）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}: style, visibility or field mapping changed.</source>
        <translation>{name}：样式、显示或字段对应已改变。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zones: {before} → {after}; {changed} new or changed, {removed} removed.</source>
        <translation>片区：{before} → {after} 个；{changed} 个新增或修改，{removed} 个删除。</translation>
    </message>
</context>
<context>
    <name>standards</name>
    <message>
        <location filename="../../gis/standards.py" line="-334"/>
        <source>Block (居住街坊)</source>
        <translation>居住街坊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5-minute life circle</source>
        <translation>5分钟生活圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10-minute life circle</source>
        <translation>10分钟生活圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15-minute life circle</source>
        <translation>15分钟生活圈</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Level keys must be unique.</source>
        <translation>层级键不能重复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walking speed {speed} m/s is outside {low}–{high} m/s.</source>
        <translation>步速 {speed} m/s 超出 {low}–{high} m/s 的范围。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rule for facility types: {types}.</source>
        <translation>以下设施类型没有规则：{types}。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Level {level}: the distance must be positive.</source>
        <translation>层级 {level}：距离必须大于 0。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level {level}: {distance} m is outside its range {low}–{high} m.</source>
        <translation>层级 {level}：{distance} 米超出其范围 {low}–{high} 米。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level {level}: minutes must be positive.</source>
        <translation>层级 {level}：分钟数必须大于 0。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{what}: unknown level {level}.</source>
        <translation>{what}：未知层级 {level}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}: the distance must be positive.</source>
        <translation>{what}：距离必须大于 0。</translation>
    </message>
</context>
<context>
    <name>supply</name>
    <message>
        <location filename="../../gis/analysis/access.py" line="-93"/>
        <source>Finding the facilities within each catchment</source>
        <translation>正在查找各服务范围内的设施</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The compounds have no {group} field; demand is their {used} ('{column}') instead.</source>
        <translation>小区没有 {group} 字段；改以 {used}（“{column}”）作为需求。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} compounds have no demand in '{column}'; they are left out of the facilities' catchments.</source>
        <translation>{count} 个小区在“{column}”中没有需求值；未计入设施服务范围内的需求。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The capacity preset has no provision standard for {type}; no shortfall is computed.</source>
        <translation>容量预设中没有 {type} 的配置标准；不计算缺口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The standard for {type} counts per {base}, and the compounds have no {base} field; no shortfall is computed.</source>
        <translation>{type} 的标准按 {base} 计，而小区没有 {base} 字段；不计算缺口。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provision standard for {type} ({amount:g} {unit} per {per:g} {base}) is not yet checked against an official text.</source>
        <translation>{type} 的配置标准（每 {per:g} {base} {amount:g} {unit}）尚未与正式文本核对。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The facility layer has no {type}; every compound's access is 0.</source>
        <translation>设施图层中没有 {type}；所有小区的可达性均为 0。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} facilities have no compound with demand within {metres:g} m; they add no access: {ids}</source>
        <translation>{count} 处设施 {metres:g} m 内没有有需求的小区，不增加可达性：{ids}</translation>
    </message>
    <message>
        <location filename="../../gis/supply/amounts.py" line="+48"/>
        <source>{count} values in '{column}' are not numbers or are negative; they were skipped (not read as 0): {ids}</source>
        <translation>“{column}”中有 {count} 个值不是数字或为负数，已跳过（未按 0 计）：{ids}</translation>
    </message>
    <message>
        <location filename="../../gis/supply/capacity.py" line="-112"/>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimated</source>
        <translation>估算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>survey table</source>
        <translation>调查表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>places</source>
        <translation>个学位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beds</source>
        <translation>张床位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seats</source>
        <translation>个座位</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>The facility layer has no capacity field; each of the {total} facilities counts the preset's default of {default:g} {unit}, marked as default.</source>
        <translation>设施图层没有容量字段；{total} 处设施均按预设默认值 {default:g} {unit} 计，并标为默认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No value in '{column}' for {count} of the {total} facilities: each counts the preset's default of {default:g} {unit}, marked as default.</source>
        <translation>{total} 处设施中有 {count} 处在“{column}”中没有值；均按预设默认值 {default:g} {unit} 计，并标为默认。</translation>
    </message>
</context>
<context>
    <name>zones</name>
    <message>
        <location filename="../../gis/zones/adjacency.py" line="+194"/>
        <source>The gap tolerance must be zero or a positive number of metres, not {gap}.</source>
        <translation>间距容差必须为 0 或正的米数，而不是 {gap}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finding neighbouring compounds</source>
        <translation>正在查找相邻小区</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Compounds are in degrees ({crs}); reproject them to a metric CRS first.</source>
        <translation>小区使用经纬度（{crs}）；请先投影到以米为单位的坐标系。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Barriers are in degrees ({crs}); reproject them to a metric CRS first.</source>
        <translation>阻隔要素使用经纬度（{crs}）；请先投影到以米为单位的坐标系。</translation>
    </message>
    <message>
        <location filename="../../gis/zones/model.py" line="+122"/>
        <source>Zone {id}</source>
        <translation>片区 {id}</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>There is no zone {id}.</source>
        <translation>不存在片区 {id}。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The zone plan has no compound geometries.</source>
        <translation>片区方案中没有小区几何。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select at least two zones to merge.</source>
        <translation>请至少选择两个片区进行合并。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The selected compounds are already in {name}.</source>
        <translation>所选小区已在 {name} 中。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None of the selected compounds is in {name}.</source>
        <translation>所选小区都不在 {name} 中。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>To split {name}, select some but not all of its compounds.</source>
        <translation>要拆分 {name}，请选择其中的部分（而非全部）小区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} is in one piece; select the compounds to split off.</source>
        <translation>{name} 是连成一片的；请选择要拆出的小区。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split {name} into {count} zones</source>
        <translation>将 {name} 拆分为 {count} 个片区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select at least one zone.</source>
        <translation>请至少选择一个片区。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dissolve {name}</source>
        <translation>解散 {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A zone needs a name.</source>
        <translation>片区必须有名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename {old} to {name}</source>
        <translation>将 {old} 重命名为 {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recolour {name}</source>
        <translation>更改 {name} 的颜色</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The zones changed since this suggestion was made; suggest again.</source>
        <translation>生成此建议后片区已更改；请重新生成建议。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Merge {count} compounds into {name}</source>
        <translation>将 {count} 个小区合并为 {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge {count} zones into {name}</source>
        <translation>将 {count} 个片区合并为 {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add {count} compounds to {name}</source>
        <translation>将 {count} 个小区加入 {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove {count} compounds from {name}</source>
        <translation>将 {count} 个小区移出 {name}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Add {count} suggested zones</source>
        <translation>添加 {count} 个建议片区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore the zone plan</source>
        <translation>恢复片区方案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The zone plan no longer matches this edit; it cannot be applied.</source>
        <translation>片区方案已与此编辑不符，无法应用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The new neighbour graph has {new} compounds, the plan {old}.</source>
        <translation>新的相邻关系图有 {new} 个小区，而方案中有 {old} 个。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select at least one compound.</source>
        <translation>请至少选择一个小区。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compound {fid} does not exist (the layer has {n}).</source>
        <translation>小区 {fid} 不存在（图层中共有 {n} 个）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>A compound cannot belong to two zones ({name}).</source>
        <translation>一个小区不能同时属于两个片区（{name}）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The selected compounds would not form one contiguous zone: they fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</source>
        <translation>所选小区无法组成一个连片的片区：它们分成 {pieces} 个互不相邻的组。请加入能连接它们的小区，或增大间距容差。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} would not be contiguous: its compounds fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</source>
        <translation>{name} 将不连片：其小区分成 {pieces} 个互不相邻的组。请加入能连接它们的小区，或增大间距容差。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Zone {name} refers to compound {fid}, but the layer has {n}.</source>
        <translation>片区 {name} 引用了小区 {fid}，但图层中只有 {n} 个小区。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{colour} is not a colour like #4e79a7.</source>
        <translation>{colour} 不是有效的颜色（格式如 #4e79a7）。</translation>
    </message>
    <message>
        <location filename="../../gis/zones/stats.py" line="+32"/>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds</source>
        <translation>小区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings</source>
        <translation>建筑数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone area (m²)</source>
        <translation>片区面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone area (ha)</source>
        <translation>片区面积（ha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compound land (m²)</source>
        <translation>小区用地面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built from</source>
        <translation>最早建成年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built to</source>
        <translation>最晚建成年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old compounds (share)</source>
        <translation>老旧小区占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities inside</source>
        <translation>片区内设施数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contiguous</source>
        <translation>是否连片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds without a household count</source>
        <translation>无户数数据的小区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../gis/zones/suggest.py" line="+66"/>
        <source>{name} must be a positive number, not {value}.</source>
        <translation>{name} 必须是正数，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The minimum households ({lo}) is above the maximum ({hi}).</source>
        <translation>最少户数（{lo}）大于最多户数（{hi}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A zone needs at least {min} compounds, but the maximum is {max}.</source>
        <translation>每个片区至少需要 {min} 个小区，但上限为 {max}。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>already in a kept zone</source>
        <translation>已属于保留的片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>built after {year}</source>
        <translation>{year} 年以后建成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no build year</source>
        <translation>缺少建成年代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>larger than the area limit</source>
        <translation>超过面积上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a copy of another compound</source>
        <translation>与另一小区重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in a pile of overlapping copies</source>
        <translation>属于大量重叠的副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>implausibly large</source>
        <translation>面积大得不合理</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The compounds have no households field; the household limits were not applied. Map a households field to use them.</source>
        <translation>小区没有户数字段，户数限制未生效。如需使用，请指定户数字段。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} compounds have no household count; they count as 0 households.</source>
        <translation>{count} 个小区没有户数，按 0 户计。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The compounds have no build-year field, so all of them were considered, not only those built by {year}.</source>
        <translation>小区没有建成年代字段，因此纳入了全部小区，而不仅是 {year} 年及以前建成的小区。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} compounds have no build year and were left out.</source>
        <translation>{count} 个小区没有建成年代，已排除。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} compounds repeat the geometry of another and were left out: rows {rows}. Remove the copies from the data.</source>
        <translation>{count} 个小区与其他小区的几何完全重复，已排除：第 {rows} 行。请从数据中删除这些副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} compounds overlap a pile deeper than {max} and were left out: rows {rows}. Check the data for stacked copies.</source>
        <translation>{count} 个小区所在的重叠堆叠超过 {max} 层，已排除：第 {rows} 行。请检查数据中是否有堆叠的副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} compounds are implausibly large (over {factor}× the median compound and over 1 km²) and were left out, so that zones do not merge through them: rows {rows}. A damaged file? Check them on the map.</source>
        <translation>{count} 个小区面积大得不合常理（超过小区面积中位数的 {factor} 倍且大于 1 km²），已排除，以免片区经由它们合并：第 {rows} 行。文件可能已损坏？请在地图上核查。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The zone plan does not match the compounds layer {name}.</source>
        <translation>片区方案与小区图层 {name} 不符。</translation>
    </message>
    <message>
        <location filename="../../gis/analysis/zones.py" line="+4"/>
        <source>The compounds have no households field, so zone households are null.</source>
        <translation>小区没有户数字段，片区户数为空。</translation>
    </message>
    <message>
        <location filename="../../gis/cli/zones.py" line="+122"/>
        <source>{n} features without a usable geometry were left out on reading; without an id field, compound ids count only the features kept.</source>
        <translation>读取时排除了 {n} 个没有可用几何的要素；由于没有编号字段，小区编号只按保留的要素计数。</translation>
    </message>
</context>
<context><name>YearTour</name><message>
        <location filename="../../gui/programme/present.py" line="+55"/>
        <source>{year}</source>
        <translation>{year} 年</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting</source>
        <translation>待后续年度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reserve</source>
        <translation>储备库</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{names} and {n} more</source>
        <translation>{names} 等，另有 {n} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zones: {names}</source>
        <translation>片区：{names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compounds: {n} · households: {hh}</source>
        <translation>小区：{n} 个 · 户数：{hh}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment: {cost}</source>
        <translation>投资：{cost}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to {year}: {cost}</source>
        <translation>截至 {year} 年累计：{cost}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme {year}</source>
        <translation>{year} 年度改造计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year {k} of {n}</source>
        <translation>第 {k} 年 / 共 {n} 年</translation>
    </message>
</context></TS>
