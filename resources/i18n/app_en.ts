<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AccessController</name>
        <message numerus="yes">
            <source>{n} compounds short of the standard, {total:,.0f} in all.</source>
            <translation>
                <numerusform>{n} compound short of the standard, {total:,.0f} in all.</numerusform>
                <numerusform>{n} compounds short of the standard, {total:,.0f} in all.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConsentSwitch</name>
        <message numerus="yes">
            <source>{unasked} of {n} compounds not asked yet: those with work wait in the reserve.</source>
            <translation>
                <numerusform>{unasked} of {n} compound not asked yet: if it has work, it waits in the reserve.</numerusform>
                <numerusform>{unasked} of {n} compounds not asked yet: those with work wait in the reserve.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GapMap</name>
        <message numerus="yes">
            <source>{n} compounds, households: {hh}</source>
            <translation>
                <numerusform>{n} compound, households: {hh}</numerusform>
                <numerusform>{n} compounds, households: {hh}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} compounds</source>
            <translation>
                <numerusform>{n} compound</numerusform>
                <numerusform>{n} compounds</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>filtered: {n} of {total} compounds</source>
            <translation>
                <numerusform>filtered: {n} of {total} compound</numerusform>
                <numerusform>filtered: {n} of {total} compounds</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Needs an elevator ({floors}+ floors, none yet) · {n} buildings</source>
            <translation>
                <numerusform>Needs an elevator ({floors}+ floors, none yet) · {n} building</numerusform>
                <numerusform>Needs an elevator ({floors}+ floors, none yet) · {n} buildings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New {type} · {k} sites</source>
            <translation>
                <numerusform>New {type} · {k} site</numerusform>
                <numerusform>New {type} · {k} sites</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Newly served · {n} compounds</source>
            <translation>
                <numerusform>Newly served · {n} compound</numerusform>
                <numerusform>Newly served · {n} compounds</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GapsController</name>
        <message numerus="yes">
            <source>{n} compounds</source>
            <translation>
                <numerusform>{n} compound</numerusform>
                <numerusform>{n} compounds</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} facilities</source>
            <translation>
                <numerusform>{n} facility</numerusform>
                <numerusform>{n} facilities</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>{n} features ready to add as {role}.</source>
            <translation>
                <numerusform>{n} feature ready to add as {role}.</numerusform>
                <numerusform>{n} features ready to add as {role}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JoinReview</name>
        <message numerus="yes">
            <source>{rows} table rows: {joined} will be joined, {waiting} still to review (ambiguous, unmatched or near).</source>
            <translation>
                <numerusform>{rows} table row: {joined} will be joined, {waiting} still to review (ambiguous, unmatched or near).</numerusform>
                <numerusform>{rows} table rows: {joined} will be joined, {waiting} still to review (ambiguous, unmatched or near).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LegendTree</name>
        <message numerus="yes">
            <source>{n} facilities</source>
            <translation>
                <numerusform>{n} facility</numerusform>
                <numerusform>{n} facilities</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LifeCirclesController</name>
        <message numerus="yes">
            <source>{n} facilities</source>
            <translation>
                <numerusform>{n} facility</numerusform>
                <numerusform>{n} facilities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} types</source>
            <translation>
                <numerusform>{n} type</numerusform>
                <numerusform>{n} types</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Piece {piece} ({edges} edges)</source>
            <translation>
                <numerusform>Piece {piece} ({edges} edge)</numerusform>
                <numerusform>Piece {piece} ({edges} edges)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NetworkPanel</name>
        <message numerus="yes">
            <source>{count} pieces are not connected to the main network; walks cannot leave them:</source>
            <translation>
                <numerusform>{count} piece is not connected to the main network; walks cannot leave it:</numerusform>
                <numerusform>{count} pieces are not connected to the main network; walks cannot leave them:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Walkable ways of the OSM file: {ways} ways read.</source>
            <translation>
                <numerusform>Walkable ways of the OSM file: {ways} way read.</numerusform>
                <numerusform>Walkable ways of the OSM file: {ways} ways read.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeopleController</name>
        <message numerus="yes">
            <source>{joined} of {rows} table rows joined to compounds.</source>
            <translation>
                <numerusform>{joined} of {rows} table row joined to compounds.</numerusform>
                <numerusform>{joined} of {rows} table rows joined to compounds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and {n} more notes.</source>
            <translation>
                <numerusform>… and {n} more note.</numerusform>
                <numerusform>… and {n} more notes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanPanel</name>
        <message numerus="yes">
            <source>{year}: {cost}, {zones} zones</source>
            <translation>
                <numerusform>{year}: {cost}, {zones} zone</numerusform>
                <numerusform>{year}: {cost}, {zones} zones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewMap</name>
        <message numerus="yes">
            <source>first {n} of {total} features</source>
            <translation>
                <numerusform>first {n} of {total} feature</numerusform>
                <numerusform>first {n} of {total} features</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>all {n} features</source>
            <translation>
                <numerusform>all {n} feature</numerusform>
                <numerusform>all {n} features</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProgrammeController</name>
        <message numerus="yes">
            <source>{year} · {n} compounds · {cost}</source>
            <translation>
                <numerusform>{year} · {n} compound · {cost}</numerusform>
                <numerusform>{year} · {n} compounds · {cost}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reserve (储备库) · {n} compounds</source>
            <translation>
                <numerusform>Reserve (储备库) · {n} compound</numerusform>
                <numerusform>Reserve (储备库) · {n} compounds</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Consent is now required to enter the plan: {n} compounds not asked yet wait in the reserve. Untick the switch to take them as agreeing.</source>
            <translation>
                <numerusform>Consent is now required to enter the plan: {n} compound not asked yet waits in the reserve. Untick the switch to take it as agreeing.</numerusform>
                <numerusform>Consent is now required to enter the plan: {n} compounds not asked yet wait in the reserve. Untick the switch to take them as agreeing.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Consent table: {matched} rows used, {left} left out.</source>
            <translation>
                <numerusform>Consent table: {matched} row used, {left} left out.</numerusform>
                <numerusform>Consent table: {matched} rows used, {left} left out.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RankingDialog</name>
        <message numerus="yes">
            <source>{n:,} compounds built in {year} or before ranked; the score is 0–100 (100 = most in need).</source>
            <translation>
                <numerusform>{n:,} compound built in {year} or before ranked; the score is 0–100 (100 = most in need).</numerusform>
                <numerusform>{n:,} compounds built in {year} or before ranked; the score is 0–100 (100 = most in need).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n:,} compounds of any year ranked; the score is 0–100 (100 = most in need).</source>
            <translation>
                <numerusform>{n:,} compound of any year ranked; the score is 0–100 (100 = most in need).</numerusform>
                <numerusform>{n:,} compounds of any year ranked; the score is 0–100 (100 = most in need).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SitingDialog</name>
        <message numerus="yes">
            <source>{n} compounds lacking</source>
            <translation>
                <numerusform>{n} compound lacking</numerusform>
                <numerusform>{n} compounds lacking</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only the {n} selected features of that layer</source>
            <translation>
                <numerusform>Only the {n} selected feature of that layer</numerusform>
                <numerusform>Only the {n} selected features of that layer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{k} sites for {type} within {radius} m, {how}: {seconds:.2f} s.</source>
            <translation>
                <numerusform>{k} site for {type} within {radius} m, {how}: {seconds:.2f} s.</numerusform>
                <numerusform>{k} sites for {type} within {radius} m, {how}: {seconds:.2f} s.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SourceBox</name>
        <message numerus="yes">
            <source>{driver}, {n} features, {kind}</source>
            <translation>
                <numerusform>{driver}, {n} feature, {kind}</numerusform>
                <numerusform>{driver}, {n} features, {kind}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SuggestDialog</name>
        <message numerus="yes">
            <source>{n} zones proposed in {s:.1f} s.</source>
            <translation>
                <numerusform>{n} zone proposed in {s:.1f} s.</numerusform>
                <numerusform>{n} zones proposed in {s:.1f} s.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} eligible compounds left unassigned.</source>
            <translation>
                <numerusform>{n} eligible compound left unassigned.</numerusform>
                <numerusform>{n} eligible compounds left unassigned.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SummaryCard</name>
        <message numerus="yes">
            <source>{n} buildings</source>
            <translation>
                <numerusform>{n} building</numerusform>
                <numerusform>{n} buildings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} zones</source>
            <translation>
                <numerusform>{n} zone</numerusform>
                <numerusform>{n} zones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Counted compound by compound, a service is missing in {n} of its {total} compounds.</source>
            <translation>
                <numerusform>Counted compound by compound, a service is missing in {n} of its {total} compound.</numerusform>
                <numerusform>Counted compound by compound, a service is missing in {n} of its {total} compounds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} services missing in all.</source>
            <translation>
                <numerusform>{n} service missing in all.</numerusform>
                <numerusform>{n} services missing in all.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VotePanel</name>
        <message numerus="yes">
            <source>Building {id} ({n} elevators)</source>
            <translation>
                <numerusform>Building {id} ({n} elevator)</numerusform>
                <numerusform>Building {id} ({n} elevators)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ZonesController</name>
        <message numerus="yes">
            <source>Remove {n} compounds from zones</source>
            <translation>
                <numerusform>Remove {n} compound from zones</numerusform>
                <numerusform>Remove {n} compounds from zones</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message numerus="yes">
            <source>{count} facilities have no geometry.</source>
            <translation>
                <numerusform>{count} facility has no geometry.</numerusform>
                <numerusform>{count} facilities have no geometry.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of the {count} facilities is within {metres} m of the walking network (the nearest is {nearest} km away): the network covers another place, or a layer is in the wrong coordinate system.</source>
            <translation>
                <numerusform>The {count} facility is not within {metres} m of the walking network (the nearest is {nearest} km away): the network covers another place, or a layer is in the wrong coordinate system.</numerusform>
                <numerusform>None of the {count} facilities is within {metres} m of the walking network (the nearest is {nearest} km away): the network covers another place, or a layer is in the wrong coordinate system.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The standards preset cannot be used ({count} problems), first: {problem}</source>
            <translation>
                <numerusform>The standards preset cannot be used ({count} problem), first: {problem}</numerusform>
                <numerusform>The standards preset cannot be used ({count} problems), first: {problem}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A {format} file holds one layer; give a folder as --out to export {count} layers.</source>
            <translation>
                <numerusform>A {format} file holds one layer; give a folder as --out to export {count} layer.</numerusform>
                <numerusform>A {format} file holds one layer; give a folder as --out to export {count} layers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{path} cannot be read as GeoJSON in the {encoding} encoding ({reason}; {bad} characters were not valid {encoding}). Choose the file's encoding (UTF-8, GBK, …), or check that the file is complete.</source>
            <translation>
                <numerusform>{path} cannot be read as GeoJSON in the {encoding} encoding ({reason}; {bad} character was not valid {encoding}). Choose the file's encoding (UTF-8, GBK, …), or check that the file is complete.</numerusform>
                <numerusform>{path} cannot be read as GeoJSON in the {encoding} encoding ({reason}; {bad} characters were not valid {encoding}). Choose the file's encoding (UTF-8, GBK, …), or check that the file is complete.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of the {n} features in {path} has a usable geometry ({details}).</source>
            <translation>
                <numerusform>The {n} feature in {path} has no usable geometry ({details}).</numerusform>
                <numerusform>None of the {n} features in {path} has a usable geometry ({details}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of the {count} facilities is a clinic, elderly canteen, day care, nursing home, kindergarten, nursery or play area (found: {found}). Set the layer's facility type field ({option}), or import it again so its types are recognised.</source>
            <translation>
                <numerusform>The {count} facility is not a clinic, elderly canteen, day care, nursing home, kindergarten, nursery or play area (found: {found}). Set the layer's facility type field ({option}), or import it again so its types are recognised.</numerusform>
                <numerusform>None of the {count} facilities is a clinic, elderly canteen, day care, nursing home, kindergarten, nursery or play area (found: {found}). Set the layer's facility type field ({option}), or import it again so its types are recognised.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer {layer} has {found} features, but the project saved {saved}: another program changed it.</source>
            <translation>
                <numerusform>Layer {layer} has {found} feature, but the project saved {saved}: another program changed it.</numerusform>
                <numerusform>Layer {layer} has {found} features, but the project saved {saved}: another program changed it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer {layer}: {count} values of column {column} are not numbers (e.g. {examples}); they were opened as empty values.</source>
            <translation>
                <numerusform>Layer {layer}: {count} value of column {column} is not a number (e.g. {examples}); it was opened as an empty value.</numerusform>
                <numerusform>Layer {layer}: {count} values of column {column} are not numbers (e.g. {examples}); they were opened as empty values.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gaps</name>
        <message numerus="yes">
            <source>{count} compounds reach no facility on the network (a piece of it is not connected): {ids}</source>
            <translation>
                <numerusform>{count} compound reaches no facility on the network (a piece of it is not connected): {ids}</numerusform>
                <numerusform>{count} compounds reach no facility on the network (a piece of it is not connected): {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities stand by a piece of the network that is not connected to the main one, so compounds cannot walk to them; connect that piece (e.g. a park path) to the streets: {ids}</source>
            <translation>
                <numerusform>{count} facility stands by a piece of the network that is not connected to the main one, so compounds cannot walk to it; connect that piece (e.g. a park path) to the streets: {ids}</numerusform>
                <numerusform>{count} facilities stand by a piece of the network that is not connected to the main one, so compounds cannot walk to them; connect that piece (e.g. a park path) to the streets: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} buildings have no readable floors or elevator value and are not counted.</source>
            <translation>
                <numerusform>{count} building has no readable floors or elevator value and is not counted.</numerusform>
                <numerusform>{count} buildings have no readable floors or elevator value and are not counted.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} buildings belong to no compound; they count in the totals but in no compound or zone.</source>
            <translation>
                <numerusform>{count} building belongs to no compound; it counts in the totals but in no compound or zone.</numerusform>
                <numerusform>{count} buildings belong to no compound; they count in the totals but in no compound or zone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} buildings are not residential by their {field} field and are left out.</source>
            <translation>
                <numerusform>{count} building is not residential by its {field} field and is left out.</numerusform>
                <numerusform>{count} buildings are not residential by their {field} field and are left out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} buildings needing an elevator have no household count; each gets one elevator and 0 households.</source>
            <translation>
                <numerusform>{count} building needing an elevator has no household count; each gets one elevator and 0 households.</numerusform>
                <numerusform>{count} buildings needing an elevator have no household count; each gets one elevator and 0 households.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>install</name>
        <message numerus="yes">
            <source>The program folder is incomplete or damaged ({count} files): {files}. Please reinstall Old Compound Renewal Planner (run its installer again, or copy the whole folder again).</source>
            <translation>
                <numerusform>The program folder is incomplete or damaged ({count} file): {files}. Please reinstall Old Compound Renewal Planner (run its installer again, or copy the whole folder again).</numerusform>
                <numerusform>The program folder is incomplete or damaged ({count} files): {files}. Please reinstall Old Compound Renewal Planner (run its installer again, or copy the whole folder again).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>io</name>
        <message numerus="yes">
            <source>you chose it for {n} other files</source>
            <translation>
                <numerusform>you chose it for {n} other file</numerusform>
                <numerusform>you chose it for {n} other files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} values in '{column}' could not be read as {role} and were left empty.</source>
            <translation>
                <numerusform>{n} value in '{column}' could not be read as {role} and was left empty.</numerusform>
                <numerusform>{n} values in '{column}' could not be read as {role} and were left empty.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} invalid geometries (self-intersections, bad rings) were repaired.</source>
            <translation>
                <numerusform>{n} invalid geometry (self-intersections, bad rings) was repaired.</numerusform>
                <numerusform>{n} invalid geometries (self-intersections, bad rings) were repaired.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} geometries collapsed to nothing when repaired and were dropped.</source>
            <translation>
                <numerusform>{n} geometry collapsed to nothing when repaired and was dropped.</numerusform>
                <numerusform>{n} geometries collapsed to nothing when repaired and were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features without a usable geometry (empty, or with missing coordinates) were dropped.</source>
            <translation>
                <numerusform>{n} feature without a usable geometry (empty, or with missing coordinates) was dropped.</numerusform>
                <numerusform>{n} features without a usable geometry (empty, or with missing coordinates) were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Z values of {n} features were dropped.</source>
            <translation>
                <numerusform>Z values of {n} feature were dropped.</numerusform>
                <numerusform>Z values of {n} features were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>M values of {n} features were dropped.</source>
            <translation>
                <numerusform>M values of {n} feature were dropped.</numerusform>
                <numerusform>M values of {n} features were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features repeat the geometry of an earlier feature; they are kept and flagged.</source>
            <translation>
                <numerusform>{n} feature repeats the geometry of an earlier feature; it is kept and flagged.</numerusform>
                <numerusform>{n} features repeat the geometry of an earlier feature; they are kept and flagged.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features are implausibly large (over {factor}× the median of {median} m² and over 1 km²): rows {rows}. A damaged file? They are kept, but zone suggestions leave them out; check them on the map.</source>
            <translation>
                <numerusform>{n} feature is implausibly large (over {factor}× the median of {median} m² and over 1 km²): row {rows}. A damaged file? It is kept, but zone suggestions leave it out; check it on the map.</numerusform>
                <numerusform>{n} features are implausibly large (over {factor}× the median of {median} m² and over 1 km²): rows {rows}. A damaged file? They are kept, but zone suggestions leave them out; check them on the map.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not residential by category ({examples}): {n} of {total} features. Remove such features if the layer should hold compounds only.</source>
            <translation>
                <numerusform>Not residential by category ({examples}): {n} of {total} feature. Remove such features if the layer should hold compounds only.</numerusform>
                <numerusform>Not residential by category ({examples}): {n} of {total} features. Remove such features if the layer should hold compounds only.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features have no record in the .dbf and were dropped. Get an undamaged copy of the .dbf to keep them.</source>
            <translation>
                <numerusform>{n} feature has no record in the .dbf and was dropped. Get an undamaged copy of the .dbf to keep it.</numerusform>
                <numerusform>{n} features have no record in the .dbf and were dropped. Get an undamaged copy of the .dbf to keep them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} field names were cut in the middle of a character by the program that wrote the file; the broken character was removed.</source>
            <translation>
                <numerusform>{n} field name was cut in the middle of a character by the program that wrote the file; the broken character was removed.</numerusform>
                <numerusform>{n} field names were cut in the middle of a character by the program that wrote the file; the broken character was removed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The .shp is cut off ({size:,} of {declared:,} bytes): {n} features lost their geometry and were dropped. Copy the file again if you have the whole one.</source>
            <translation>
                <numerusform>The .shp is cut off ({size:,} of {declared:,} bytes): {n} feature lost its geometry and was dropped. Copy the file again if you have the whole one.</numerusform>
                <numerusform>The .shp is cut off ({size:,} of {declared:,} bytes): {n} features lost their geometry and were dropped. Copy the file again if you have the whole one.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{layer}: {count} values hold characters {encoding} cannot store; they were replaced by '?'. Export as UTF-8 to keep them.</source>
            <translation>
                <numerusform>{layer}: {count} value holds characters {encoding} cannot store; they were replaced by '?'. Export as UTF-8 to keep it.</numerusform>
                <numerusform>{layer}: {count} values hold characters {encoding} cannot store; they were replaced by '?'. Export as UTF-8 to keep them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{layer}: {count} text values were longer than the Shapefile limit of 254 bytes and were shortened. GeoPackage keeps them whole.</source>
            <translation>
                <numerusform>{layer}: {count} text value was longer than the Shapefile limit of 254 bytes and was shortened. GeoPackage keeps it whole.</numerusform>
                <numerusform>{layer}: {count} text values were longer than the Shapefile limit of 254 bytes and were shortened. GeoPackage keeps them whole.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} characters are not valid {encoding} and were replaced by �. Choose the file's encoding if names look wrong.</source>
            <translation>
                <numerusform>{n} character is not valid {encoding} and was replaced by �. Choose the file's encoding if names look wrong.</numerusform>
                <numerusform>{n} characters are not valid {encoding} and were replaced by �. Choose the file's encoding if names look wrong.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{path} has {n} layers; read '{layer}'. Choose another with the layer option: {names}.</source>
            <translation>
                <numerusform>{path} has {n} layer; read '{layer}'. Choose another with the layer option: {names}.</numerusform>
                <numerusform>{path} has {n} layers; read '{layer}'. Choose another with the layer option: {names}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features lie far outside the area of {crs} (bad coordinates) and were dropped.</source>
            <translation>
                <numerusform>{n} feature lies far outside the area of {crs} (bad coordinates) and was dropped.</numerusform>
                <numerusform>{n} features lie far outside the area of {crs} (bad coordinates) and were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} coordinate cells exceed the length limit of {limit} and were not read as degrees-minutes-seconds (raise "max_cell_chars" under "read_limits" in the settings if they are genuine).</source>
            <translation>
                <numerusform>{n} coordinate cell exceeds the length limit of {limit} and was not read as degrees-minutes-seconds (raise "max_cell_chars" under "read_limits" in the settings if it is genuine).</numerusform>
                <numerusform>{n} coordinate cells exceed the length limit of {limit} and were not read as degrees-minutes-seconds (raise "max_cell_chars" under "read_limits" in the settings if they are genuine).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} rows have no usable coordinates in '{x}' / '{y}' and were dropped.</source>
            <translation>
                <numerusform>{n} row has no usable coordinates in '{x}' / '{y}' and was dropped.</numerusform>
                <numerusform>{n} rows have no usable coordinates in '{x}' / '{y}' and were dropped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The .dbf header says {stated} records but the file holds {n}; what it holds was read.</source>
            <translation>
                <numerusform>The .dbf header says {stated} record but the file holds {n}; what it holds was read.</numerusform>
                <numerusform>The .dbf header says {stated} records but the file holds {n}; what it holds was read.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The .dbf is damaged: its field lengths add up to {implied} bytes but its records are {stated} bytes, so its {n} fields ({names}) could not be read and only geometries were imported. Get an undamaged copy of the .dbf.</source>
            <translation>
                <numerusform>The .dbf is damaged: its field lengths add up to {implied} bytes but its records are {stated} bytes, so its {n} field ({names}) could not be read and only geometries were imported. Get an undamaged copy of the .dbf.</numerusform>
                <numerusform>The .dbf is damaged: its field lengths add up to {implied} bytes but its records are {stated} bytes, so its {n} fields ({names}) could not be read and only geometries were imported. Get an undamaged copy of the .dbf.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>network</name>
        <message numerus="yes">
            <source>{count} features are not facilities of a known type and were left out: {ids}</source>
            <translation>
                <numerusform>{count} feature is not a facility of a known type and was left out: {ids}</numerusform>
                <numerusform>{count} features are not facilities of a known type and were left out: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities are too far from any walkable line and reach nothing: {ids}</source>
            <translation>
                <numerusform>{count} facility is too far from any walkable line and reaches nothing: {ids}</numerusform>
                <numerusform>{count} facilities are too far from any walkable line and reach nothing: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities lie more than {metres} m from the nearest walkable line; their walks start with that straight stretch: {ids}</source>
            <translation>
                <numerusform>{count} facility lies more than {metres} m from the nearest walkable line; its walks start with that straight stretch: {ids}</numerusform>
                <numerusform>{count} facilities lie more than {metres} m from the nearest walkable line; their walks start with that straight stretch: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities sit on a piece of the network that is not connected to the main one: {ids}</source>
            <translation>
                <numerusform>{count} facility sits on a piece of the network that is not connected to the main one: {ids}</numerusform>
                <numerusform>{count} facilities sit on a piece of the network that is not connected to the main one: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities lie more than {metres} m from every street and were left out: {ids}</source>
            <translation>
                <numerusform>{count} facility lies more than {metres} m from every street and was left out: {ids}</numerusform>
                <numerusform>{count} facilities lie more than {metres} m from every street and were left out: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The walking network has {count} disconnected pieces; the largest holds {share}% of its length.</source>
            <translation>
                <numerusform>The walking network has {count} disconnected piece; the largest holds {share}% of its length.</numerusform>
                <numerusform>The walking network has {count} disconnected pieces; the largest holds {share}% of its length.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} road lines have straight stretches longer than {metres} m; if pieces of a road were joined into one line, split them before use.</source>
            <translation>
                <numerusform>{count} road line has straight stretches longer than {metres} m; if pieces of a road were joined into one line, split it before use.</numerusform>
                <numerusform>{count} road lines have straight stretches longer than {metres} m; if pieces of a road were joined into one line, split them before use.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>people</name>
        <message numerus="yes">
            <source>'{column}': {n} compounds estimated from the compound's floor area × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</source>
            <translation>
                <numerusform>'{column}': {n} compound estimated from the compound's floor area × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</numerusform>
                <numerusform>'{column}': {n} compounds estimated from the compound's floor area × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>'{column}': {n} compounds estimated from their buildings' footprint × floors × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</source>
            <translation>
                <numerusform>'{column}': {n} compound estimated from its buildings' footprint × floors × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</numerusform>
                <numerusform>'{column}': {n} compounds estimated from their buildings' footprint × floors × {factor} ÷ {size} m² per dwelling (marked in '{marks}').</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>'{column}': {n} compounds estimated as households × {pph} (persons per household; marked in '{marks}').</source>
            <translation>
                <numerusform>'{column}': {n} compound estimated as households × {pph} (persons per household; marked in '{marks}').</numerusform>
                <numerusform>'{column}': {n} compounds estimated as households × {pph} (persons per household; marked in '{marks}').</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>'{column}': {n} compounds estimated as residents × the age share: their district's own for {areas}, else {share} ({shares}) (marked in '{marks}').</source>
            <translation>
                <numerusform>'{column}': {n} compound estimated as residents × the age share: their district's own for {areas}, else {share} ({shares}) (marked in '{marks}').</numerusform>
                <numerusform>'{column}': {n} compounds estimated as residents × the age share: their district's own for {areas}, else {share} ({shares}) (marked in '{marks}').</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>'{column}': {n} compounds estimated from the population raster {file}, area-weighted (marked in '{marks}').</source>
            <translation>
                <numerusform>'{column}': {n} compound estimated from the population raster {file}, area-weighted (marked in '{marks}').</numerusform>
                <numerusform>'{column}': {n} compounds estimated from the population raster {file}, area-weighted (marked in '{marks}').</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>'{column}': {n} compounds still have no value (nothing to estimate it from).</source>
            <translation>
                <numerusform>'{column}': {n} compound still has no value (nothing to estimate it from).</numerusform>
                <numerusform>'{column}': {n} compounds still have no value (nothing to estimate it from).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} compound names are used by more than one compound ({names}); rows naming them are listed as ambiguous, never joined to the first.</source>
            <translation>
                <numerusform>{n} compound name is used by more than one compound ({names}); rows naming it are listed as ambiguous, never joined to the first.</numerusform>
                <numerusform>{n} compound names are used by more than one compound ({names}); rows naming them are listed as ambiguous, never joined to the first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} compounds already had a value in '{column}'; it was kept and the table's left aside.</source>
            <translation>
                <numerusform>{n} compound already had a value in '{column}'; it was kept and the table's left aside.</numerusform>
                <numerusform>{n} compounds already had a value in '{column}'; it was kept and the table's left aside.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} compounds got several table rows (phases or parts of one compound); their counts were added up (compound row ← table rows): {pairs}.</source>
            <translation>
                <numerusform>{n} compound got several table rows (phases or parts of one compound); its counts were added up (compound row ← table rows): {pairs}.</numerusform>
                <numerusform>{n} compounds got several table rows (phases or parts of one compound); their counts were added up (compound row ← table rows): {pairs}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>programme</name>
        <message numerus="yes">
            <source>{count} compounds have no buildings with floors: their floor area is households x {m2:g} m² (the catalogue's dwelling size).</source>
            <translation>
                <numerusform>{count} compound has no buildings with floors: its floor area is households x {m2:g} m² (the catalogue's dwelling size).</numerusform>
                <numerusform>{count} compounds have no buildings with floors: their floor area is households x {m2:g} m² (the catalogue's dwelling size).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds have neither buildings with floors nor households: their items priced per m² or per household cost nothing. Map a households field or add buildings.</source>
            <translation>
                <numerusform>{count} compound has neither buildings with floors nor households: its items priced per m² or per household cost nothing. Map a households field or add buildings.</numerusform>
                <numerusform>{count} compounds have neither buildings with floors nor households: their items priced per m² or per household cost nothing. Map a households field or add buildings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The zone plan covers {zoned} compounds, while the compounds layer has {count}: every compound is planned as a zone of one. Redraw the zones on this layer.</source>
            <translation>
                <numerusform>The zone plan covers {zoned} compound, while the compounds layer has {count}: every compound is planned as a zone of one. Redraw the zones on this layer.</numerusform>
                <numerusform>The zone plan covers {zoned} compounds, while the compounds layer has {count}: every compound is planned as a zone of one. Redraw the zones on this layer.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds have no readable build year: no items are proposed for them; tick them by hand.</source>
            <translation>
                <numerusform>{count} compound has no readable build year: no items are proposed for it; tick it by hand.</numerusform>
                <numerusform>{count} compounds have no readable build year: no items are proposed for them; tick them by hand.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds wait in the reserve: {failed} below the consent threshold, {not_asked} not asked yet.</source>
            <translation>
                <numerusform>{count} compound waits in the reserve: {failed} below the consent threshold, {not_asked} not asked yet.</numerusform>
                <numerusform>{count} compounds wait in the reserve: {failed} below the consent threshold, {not_asked} not asked yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{year}: {done:,.0f} households scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</source>
            <translation>
                <numerusform>{year}: {done:,.0f} household scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</numerusform>
                <numerusform>{year}: {done:,.0f} households scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{year}: {done:,.0f} compounds scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</source>
            <translation>
                <numerusform>{year}: {done:,.0f} compound scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</numerusform>
                <numerusform>{year}: {done:,.0f} compounds scheduled, below the target of {target:,.0f} (the budget or the zones' size leaves no room for more).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} zones cost more than a year's budget or exceed a year's target and are not scheduled: {zones}. Split them or raise the budget.</source>
            <translation>
                <numerusform>{count} zone costs more than a year's budget or exceeds a year's target and is not scheduled: {zones}. Split it or raise the budget.</numerusform>
                <numerusform>{count} zones cost more than a year's budget or exceed a year's target and are not scheduled: {zones}. Split them or raise the budget.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} zones ({cost}) do not fit into {first}–{last} under the budget and wait for later years: {zones}.</source>
            <translation>
                <numerusform>{count} zone ({cost}) does not fit into {first}–{last} under the budget and waits for later years: {zones}.</numerusform>
                <numerusform>{count} zones ({cost}) do not fit into {first}–{last} under the budget and wait for later years: {zones}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} zones would exceed the annual household or compound target in every year and are not scheduled: {zones}. Raise the target, add years or split them.</source>
            <translation>
                <numerusform>{count} zone would exceed the annual household or compound target in every year and is not scheduled: {zones}. Raise the target, add years or split it.</numerusform>
                <numerusform>{count} zones would exceed the annual household or compound target in every year and are not scheduled: {zones}. Raise the target, add years or split them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} saved plan edits refer to compounds, zones, buildings or items that are no longer in the project and were left out.</source>
            <translation>
                <numerusform>{count} saved plan edit refers to compounds, zones, buildings or items that are no longer in the project and was left out.</numerusform>
                <numerusform>{count} saved plan edits refer to compounds, zones, buildings or items that are no longer in the project and were left out.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>recovery</name>
        <message numerus="yes">
            <source>Layer {name} added ({count} features).</source>
            <translation>
                <numerusform>Layer {name} added ({count} feature).</numerusform>
                <numerusform>Layer {name} added ({count} features).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name}: {changed} features changed or added, {removed} removed ({before} → {after} in all).</source>
            <translation>
                <numerusform>{name}: {changed} feature changed or added, {removed} removed ({before} → {after} in all).</numerusform>
                <numerusform>{name}: {changed} features changed or added, {removed} removed ({before} → {after} in all).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>supply</name>
        <message numerus="yes">
            <source>{count} compounds have no demand in '{column}'; they are left out of the facilities' catchments.</source>
            <translation>
                <numerusform>{count} compound has no demand in '{column}'; it is left out of the facilities' catchments.</numerusform>
                <numerusform>{count} compounds have no demand in '{column}'; they are left out of the facilities' catchments.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} facilities have no compound with demand within {metres:g} m; they add no access: {ids}</source>
            <translation>
                <numerusform>{count} facility has no compound with demand within {metres:g} m; it adds no access: {ids}</numerusform>
                <numerusform>{count} facilities have no compound with demand within {metres:g} m; they add no access: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} values in '{column}' are not numbers or are negative; they were skipped (not read as 0): {ids}</source>
            <translation>
                <numerusform>{count} value in '{column}' is not a number or is negative; it was skipped (not read as 0): {ids}</numerusform>
                <numerusform>{count} values in '{column}' are not numbers or are negative; they were skipped (not read as 0): {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The facility layer has no capacity field; each of the {total} facilities counts the preset's default of {default:g} {unit}, marked as default.</source>
            <translation>
                <numerusform>The facility layer has no capacity field; the {total} facility counts the preset's default of {default:g} {unit}, marked as default.</numerusform>
                <numerusform>The facility layer has no capacity field; each of the {total} facilities counts the preset's default of {default:g} {unit}, marked as default.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No value in '{column}' for {count} of the {total} facilities: each counts the preset's default of {default:g} {unit}, marked as default.</source>
            <translation>
                <numerusform>No value in '{column}' for {count} of the {total} facility: it counts the preset's default of {default:g} {unit}, marked as default.</numerusform>
                <numerusform>No value in '{column}' for {count} of the {total} facilities: each counts the preset's default of {default:g} {unit}, marked as default.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>zones</name>
        <message numerus="yes">
            <source>Split {name} into {count} zones</source>
            <translation>
                <numerusform>Split {name} into {count} zone</numerusform>
                <numerusform>Split {name} into {count} zones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Merge {count} compounds into {name}</source>
            <translation>
                <numerusform>Merge {count} compound into {name}</numerusform>
                <numerusform>Merge {count} compounds into {name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Merge {count} zones into {name}</source>
            <translation>
                <numerusform>Merge {count} zone into {name}</numerusform>
                <numerusform>Merge {count} zones into {name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add {count} compounds to {name}</source>
            <translation>
                <numerusform>Add {count} compound to {name}</numerusform>
                <numerusform>Add {count} compounds to {name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove {count} compounds from {name}</source>
            <translation>
                <numerusform>Remove {count} compound from {name}</numerusform>
                <numerusform>Remove {count} compounds from {name}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add {count} suggested zones</source>
            <translation>
                <numerusform>Add {count} suggested zone</numerusform>
                <numerusform>Add {count} suggested zones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The new neighbour graph has {new} compounds, the plan {old}.</source>
            <translation>
                <numerusform>The new neighbour graph has {new} compound, the plan {old}.</numerusform>
                <numerusform>The new neighbour graph has {new} compounds, the plan {old}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The selected compounds would not form one contiguous zone: they fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</source>
            <translation>
                <numerusform>The selected compounds would not form one contiguous zone: they fall into {pieces} separate group. Add the compounds that join them, or use a larger gap.</numerusform>
                <numerusform>The selected compounds would not form one contiguous zone: they fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name} would not be contiguous: its compounds fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</source>
            <translation>
                <numerusform>{name} would not be contiguous: its compounds fall into {pieces} separate group. Add the compounds that join them, or use a larger gap.</numerusform>
                <numerusform>{name} would not be contiguous: its compounds fall into {pieces} separate groups. Add the compounds that join them, or use a larger gap.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A zone needs at least {min} compounds, but the maximum is {max}.</source>
            <translation>
                <numerusform>A zone needs at least {min} compound, but the maximum is {max}.</numerusform>
                <numerusform>A zone needs at least {min} compounds, but the maximum is {max}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds have no household count; they count as 0 households.</source>
            <translation>
                <numerusform>{count} compound has no household count; it counts as 0 households.</numerusform>
                <numerusform>{count} compounds have no household count; they count as 0 households.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds have no build year and were left out.</source>
            <translation>
                <numerusform>{count} compound has no build year and was left out.</numerusform>
                <numerusform>{count} compounds have no build year and were left out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds repeat the geometry of another and were left out: rows {rows}. Remove the copies from the data.</source>
            <translation>
                <numerusform>{count} compound repeats the geometry of another and was left out: row {rows}. Remove the copy from the data.</numerusform>
                <numerusform>{count} compounds repeat the geometry of another and were left out: rows {rows}. Remove the copies from the data.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds overlap a pile deeper than {max} and were left out: rows {rows}. Check the data for stacked copies.</source>
            <translation>
                <numerusform>{count} compound overlaps a pile deeper than {max} and was left out: row {rows}. Check the data for stacked copies.</numerusform>
                <numerusform>{count} compounds overlap a pile deeper than {max} and were left out: rows {rows}. Check the data for stacked copies.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{count} compounds are implausibly large (over {factor}× the median compound and over 1 km²) and were left out, so that zones do not merge through them: rows {rows}. A damaged file? Check them on the map.</source>
            <translation>
                <numerusform>{count} compound is implausibly large (over {factor}× the median compound and over 1 km²) and was left out, so that zones do not merge through it: row {rows}. A damaged file? Check it on the map.</numerusform>
                <numerusform>{count} compounds are implausibly large (over {factor}× the median compound and over 1 km²) and were left out, so that zones do not merge through them: rows {rows}. A damaged file? Check them on the map.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} features without a usable geometry were left out on reading; without an id field, compound ids count only the features kept.</source>
            <translation>
                <numerusform>{n} feature without a usable geometry was left out on reading; without an id field, compound ids count only the features kept.</numerusform>
                <numerusform>{n} features without a usable geometry were left out on reading; without an id field, compound ids count only the features kept.</numerusform>
            </translation>
        </message>
    </context>
</TS>
