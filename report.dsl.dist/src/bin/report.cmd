@echo off
rem report.dsl's command line and language server: runs lib\report.jar on Java 17 or newer, the one JAVA_HOME
rem names, else the java on the PATH.
setlocal EnableDelayedExpansion
set "home=%~dp0.."
set "java="
if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"
if not defined java for %%j in (java.exe) do if not "%%~$PATH:j" == "" call :try "%%~$PATH:j"
if not defined java (
  echo report needs Java 17 or newer and found none ^(looked at JAVA_HOME and the java on the PATH^): install one, or set JAVA_HOME to it. 1>&2
  exit /b 1
)
rem checks and builds go chunk by chunk: 1 GiB holds a folder of any size, whatever the machine's memory
set "options=-Xmx1g"
rem Guice's use of sun.misc.Unsafe warns on JDK 24+
if !version! GEQ 24 set "options=-Xmx1g --sun-misc-unsafe-memory-access=allow"
rem Class-data sharing on Java 19+: the first run archives the classes it loads into the user's cache, later runs map
rem them, which halves the start; the JVM makes the archive anew for another jar or Java. Its notes stay off standard
rem output, the language server's channel.
if !version! GEQ 19 if defined LOCALAPPDATA (
  if not exist "%LOCALAPPDATA%\report-dsl" mkdir "%LOCALAPPDATA%\report-dsl" 2>nul
  if exist "%LOCALAPPDATA%\report-dsl" set "options=!options! -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%LOCALAPPDATA%\report-dsl\report-!found!.jsa" -Xlog:cds*=off -Xlog:class+path*=off"
)
rem Batches: the optimising compiler inlines less, so that its compiles are smaller: 10-19% less CPU for a check
rem of 10,000 reports, 13-17% for a build (see bin/report); the language server keeps the defaults.
if /i not "%~1" == "lsp" set "options=!options! -XX:MaxInlineSize=20 -XX:FreqInlineSize=150 -XX:InlineSmallCode=1000"
"%java%" %options% -jar "%home%\lib\report.jar" %*
exit /b %ERRORLEVEL%

rem sets java and version when %1 is a Java 17+: its first line reads like: openjdk version "17.0.15" 2025-04-15
:try
if not exist "%~1" exit /b 0
set "found="
for /f "tokens=3" %%v in ('call "%~1" -version 2^>^&1') do if not defined found set "found=%%~v"
if not defined found exit /b 0
for /f "delims=." %%m in ("%found%") do set "major=%%m"
if "%major%" == "1" exit /b 0
if %major% GEQ 17 (
  set "java=%~1"
  set "version=%major%"
)
exit /b 0
