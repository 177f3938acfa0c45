#!/bin/sh
# Adds 老旧小区改造规划 to this user's applications menu (no root needed): the icon in each size,
# and a desktop entry that starts OldCompoundPlanner in this folder and is offered under
# "Open with" for GeoPackage project files. Run it again after moving the folder;
# `add-to-menu.sh --remove` takes both away. The build copies it beside the executable.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=oldcompoundplanner
sizes="16 24 32 48 64 128 256"
entry="$data/applications/$id.desktop"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry"
  for s in $sizes; do rm -f "$data/icons/hicolor/${s}x${s}/apps/$id.png"; done
  echo "removed $entry and the icons"
  exit 0
fi
exe="$here/OldCompoundPlanner"
[ -x "$exe" ] || { echo "error: $exe not found: run this script from the program folder" >&2; exit 1; }
for s in $sizes; do
  mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
  cp "$here/_internal/resources/icons/app-$s.png" "$data/icons/hicolor/${s}x${s}/apps/$id.png"
done
# Exec takes the path in double quotes: " ` $ get two backslashes, a backslash four, % is doubled
# (the quoting rule after the string-escape rule, Desktop Entry Specification "The Exec key")
quoted=$(printf '%s' "$exe" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
mkdir -p "$data/applications"
cat > "$entry" <<ENTRY
[Desktop Entry]
Type=Application
Name=Old Compound Renewal Planner
Name[zh_CN]=老旧小区改造规划
Comment=Renewal planning of old residential compounds
Comment[zh_CN]=城镇老旧小区改造规划
Exec="$quoted" %F
Icon=$id
Terminal=false
Categories=Education;Science;Geography;
MimeType=application/geopackage+sqlite3;
StartupWMClass=OldCompoundPlanner
ENTRY
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "added $entry"
