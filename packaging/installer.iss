; Inno Setup 6 script: a per-user installer for dist\OldCompoundPlanner\ (no administrator rights).
; Saved as UTF-8 with a byte-order mark: Inno Setup reads a file without one in the ANSI code page.
;   packaging\build.ps1 -Installer        (or: ISCC.exe /DAppVersion=0.1.0 packaging\installer.iss)
; Installs into %LOCALAPPDATA%\Programs\OldCompoundPlanner, adds a Start-menu entry, offers the app
; under "Open with" for .gpkg project files (and, if ticked, makes it the default for .gpkg), and
; removes all of it on uninstall. Settings and recovery copies in %LOCALAPPDATA%\OldCompoundPlanner
; are the user's and stay (as with any program), unless the user chooses to remove them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "老旧小区改造规划"
#define AppNameEn "Old Compound Renewal Planner"
#define AppExe "OldCompoundPlanner.exe"
#define ProgId "OldCompoundPlanner.Project"
#define ProjectExt ".gpkg"

[Setup]
AppId={{6F0B3C1E-5D2A-4E8B-9C7F-0A1D2E3F4B5C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppNameEn}
; per user, never elevated: {autopf} is %LOCALAPPDATA%\Programs, HKA is HKEY_CURRENT_USER
PrivilegesRequired=lowest
DefaultDirName={autopf}\OldCompoundPlanner
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName} ({#AppNameEn})
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=OldCompoundPlanner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "defaultgpkg"; Description: "Open .gpkg files with {#AppName} by default (otherwise it is offered under 'Open with')"; Flags: unchecked

[Files]
Source: "..\dist\OldCompoundPlanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces the whole folder: no stale module or Qt file from an older version stays
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; the project file type, offered under "Open with" for .gpkg (QGIS and others keep their claim)
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName} project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#ProjectExt}"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\{#ProjectExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: defaultgpkg

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
{ Settings, recovery copies of unsaved work: asked about, never removed silently. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Settings: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Settings := ExpandConstant('{localappdata}\OldCompoundPlanner');
    if DirExists(Settings) and not UninstallSilent then
      if MsgBox('Also remove your settings and any recovery copies of unsaved work in ' + Settings + '?',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(Settings, True, True, True);
  end;
end;
