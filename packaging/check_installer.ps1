# Install the setup program silently for the current user, check what it did, run the installed
# command line, uninstall silently, and check that everything it added is gone but the settings stay.
#   pwsh -File packaging\check_installer.ps1 [-Setup dist\installer\OldCompoundPlanner-0.1.0-setup.exe]
# Used by .github/workflows/windows-package.yml; on a workstation it replaces, then removes, an existing
# install (settings stay). UTF-8 with a byte-order mark, so Windows PowerShell 5.1 reads the Chinese too.
param([string]$Setup = "")
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
if (-not $Setup) { $Setup = (Get-ChildItem "$Root\dist\installer\OldCompoundPlanner-*-setup.exe" | Select-Object -First 1).FullName }
$Dir = Join-Path $env:LOCALAPPDATA "Programs\OldCompoundPlanner"
$Link = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\老旧小区改造规划.lnk"
$Settings = Join-Path $env:LOCALAPPDATA "OldCompoundPlanner\OldCompoundPlanner\installer-check.txt"
$Keys = "HKCU:\Software\Classes\OldCompoundPlanner.Project",
        "HKCU:\Software\Classes\Applications\OldCompoundPlanner.exe",
        "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\OldCompoundPlanner"

function Check($ok, $what) { if (-not $ok) { throw "installer check failed: $what" }; Write-Host "ok: $what" }

$p = Start-Process $Setup -ArgumentList "/S" -Wait -PassThru
Check ($p.ExitCode -eq 0) "setup exits 0 (was $($p.ExitCode))"
Check (Test-Path "$Dir\OldCompoundPlanner.exe") "installed into $Dir"
Check (Test-Path "$Dir\ocp.exe") "ocp.exe installed"
Check (Test-Path $Link) "Start-menu entry $Link"
foreach ($k in $Keys) { Check (Test-Path $k) "registry key $k" }
$cmd = (Get-ItemProperty "HKCU:\Software\Classes\OldCompoundPlanner.Project\shell\open\command").'(default)'
Check ($cmd -eq "`"$Dir\OldCompoundPlanner.exe`" `"%1`"") "open command $cmd"
Check ($null -ne (Get-ItemProperty "HKCU:\Software\Classes\.gpkg\OpenWithProgids")."OldCompoundPlanner.Project") ".gpkg offers the app under Open with"
Check (-not (Get-ItemProperty "HKCU:\Software\Classes\.gpkg" -ErrorAction SilentlyContinue).'(default)') ".gpkg default program left alone"

& "$Dir\ocp.exe" inspect (Join-Path $Root "data\demo\compounds.shp") --json | Out-File installed-inspect.json -Encoding utf8
Check ($LASTEXITCODE -eq 0) "the installed ocp.exe inspect runs"

New-Item -ItemType Directory -Force (Split-Path $Settings) | Out-Null
Set-Content $Settings "kept"
Start-Process "$Dir\uninstall.exe" -ArgumentList "/S" -Wait
for ($i = 0; $i -lt 60 -and (Test-Path $Dir); $i++) { Start-Sleep 1 }  # it goes on from a copy in %TEMP%
Check (-not (Test-Path $Dir)) "program folder removed"
Check (-not (Test-Path $Link)) "Start-menu entry removed"
foreach ($k in $Keys) { Check (-not (Test-Path $k)) "registry key $k removed" }
Check (-not (Test-Path "HKCU:\Software\Classes\.gpkg\OpenWithProgids")) ".gpkg Open with entry removed"
Check ((Get-Content $Settings) -eq "kept") "settings kept in $(Split-Path $Settings)"
Remove-Item $Settings  # only the marker: the rest of the folder is the user's
