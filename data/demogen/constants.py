"""Constants of the demo district: sizes, names, planted places, categories."""

from __future__ import annotations

from pathlib import Path

import numpy as np


SEED = 20240917
EPSG = 4527
ORIGIN = np.array([39_500_280.0, 4_056_900.0])  # world coordinates of local (0, 0)
WIDTH, HEIGHT = 3000.0, 2500.0
GRID = 0.01  # precision of written coordinates (m)
OUT = Path(__file__).resolve().parent.parent / "demo"

ART, SEC, BRANCH, FOOT = "主干路", "次干路", "支路", "步行道"
RIVER_NAME = "玉带河"
RIVER_HALF = 20.0  # the river is 40 m wide
BANK_OFFSET = 37.5  # riverside roads run this far from the river centreline
GREEN_HALF = 30.0  # river plus green strip, kept free of compounds
ROAD_FIELDS = ("名称", "等级", "宽度")  # UTF-8 DBF field names are limited to 3 CJK chars

# Gap centres and other planted places, in local metres before the warp.
NE_CLINIC_GAP = (2680.0, 2230.0)
SW_CANTEEN_GAP = (330.0, 300.0)
SE_KINDERGARTEN_GAP = (2620.0, 320.0)
RIVER_TRAP_X = 2200.0
NURSING_HOME_AT = (1150.0, 1650.0)
CLINIC_CENTRES_AT = ((900.0, 1650.0), (1500.0, 450.0))
PARK_AT_X = 950.0
OLD_STREET, OLD_STREET_FROM, OLD_STREET_TO = "古槐街", (250.0, 2250.0), (1250.0, 1550.0)
INTERIOR_BRIDGE_X = 1300.0

EW_ARTERIALS = ["南环路", "胜利大街", "解放路", "明湖路", "北园大街", "北环路"]
NS_ARTERIALS = ["西环路", "纬二路", "工业路", "纬八路", "花园路", "东环路", "东外环路"]
MINOR_NAMES = ["文化街", "青年路", "民主街", "友谊路", "团结街", "新华街", "光明街", "朝阳街",
               "利民街", "育才路", "向阳街", "卫生街", "纺织路", "机床路", "兴隆街", "顺河街",
               "铁路街", "振兴街", "共青团路", "人民街", "红旗路", "五一路", "前进街", "幸福街",
               "经一路", "经三路", "经五路", "经七路", "纬四路", "纬六路", "建设路", "和平路"]
LANE_NAMES = ["槐荫巷", "柳树巷", "杏花巷", "榆林巷", "书院巷", "育英巷", "花墙子巷", "钟楼巷",
              "芙蓉巷", "石板巷", "太平巷", "南仓巷"]
OLD_NAMES = ["纺织厂宿舍", "机床厂家属院", "棉纺厂宿舍", "化肥厂宿舍", "铁路宿舍", "电业局宿舍",
             "粮食局宿舍", "水利局家属院", "啤酒厂宿舍", "钢厂宿舍", "农机厂宿舍", "邮电宿舍",
             "卫生局宿舍", "师范宿舍", "建筑公司宿舍", "食品厂家属院", "造纸厂宿舍", "轻工局宿舍",
             "第二机床厂宿舍", "汽车厂宿舍", "仪表厂宿舍", "印染厂家属院", "和平里", "幸福新村",
             "工人新村", "胜利里", "光明里", "朝阳里", "新华里", "民主里", "团结里", "前进新村",
             "红星里", "建国里", "向阳新村", "东风里", "自来水公司宿舍", "供销社宿舍"]
MID_NAMES = ["阳光花园", "明湖小区", "泉华小区", "绿景苑", "东方花园", "金桥小区", "翠园小区",
             "新世纪花园", "康乐小区", "安居小区", "舜华园", "怡景园", "文华园", "馨苑小区",
             "佳和园", "福苑小区", "金泉小区", "泉景花园", "裕华园", "龙泉小区", "鑫华园"]
NEW_NAMES = ["丽景苑", "御景园", "锦绣城", "金域华府", "翡翠华庭", "名士豪庭", "世纪佳园",
             "阳光新城", "水岸花城", "明湖春晓", "滨河名苑", "盛世华庭", "书香苑", "观澜苑",
             "天泰花园", "中央花园", "颐和苑", "银河绿洲", "康桥花园", "泉城新苑", "御河湾",
             "尚品雅居", "东方星城", "紫御华府"]
SUBDISTRICTS = ("明湖街道", "泉华街道", "建新街道", "纺织街道", "滨河街道")
ERA_YEARS = ((1972, 1979), (1980, 1989), (1990, 1999), (2000, 2009), (2010, 2016))
ERA_CORE = np.array([0.25, 0.40, 0.27, 0.06, 0.02])
ERA_EDGE = np.array([0.08, 0.25, 0.35, 0.22, 0.10])
OLD_CORE = (1150.0, 1550.0)

# Facility categories (类型) of the demo and the FacilityType key each one means.
CATEGORY_TYPE = {
    "社区卫生服务站": "clinic", "社区卫生服务中心": "clinic",
    "老年食堂": "elderly_canteen", "长者食堂": "elderly_canteen", "助餐点": "elderly_canteen",
    "日间照料中心": "day_care", "养老驿站": "day_care",
    "养老院": "nursing_home",
    "幼儿园": "kindergarten",
    "托儿所": "nursery", "托育中心": "nursery",
    "儿童活动场地": "play_area",
    "便利店": None, "快递站": None, "药店": None, "口腔诊所": None, "社区服务中心": None, "菜市场": None,
}
RADIUS = {"clinic": 300, "elderly_canteen": 300, "day_care": 300, "nursing_home": 1000,
          "kindergarten": 300, "nursery": 300, "play_area": 250}
TYPE_ORDER = list(RADIUS)
