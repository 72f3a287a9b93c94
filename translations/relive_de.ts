<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BreakpointsPanel</name>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="22"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="22"/>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="22"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="28"/>
        <source>Click in the editor&apos;s margin or press F9 to set a breakpoint.</source>
        <translation>Klicken Sie in den Rand des Editors oder drücken Sie F9, um einen Haltepunkt zu setzen.</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="59"/>
        <source>from hit %1</source>
        <translation>ab Treffer %1</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="93"/>
        <source>Edit Condition…</source>
        <translation>Bedingung bearbeiten…</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="94"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/BreakpointsPanel.cpp" line="97"/>
        <source>Remove All</source>
        <translation>Alle entfernen</translation>
    </message>
</context>
<context>
    <name>CallStackPanel</name>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="22"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="22"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="42"/>
        <source>Paused at a breakpoint in thread %1</source>
        <translation>An einem Haltepunkt angehalten, Thread %1</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="45"/>
        <source>Paused after a step in thread %1</source>
        <translation>Nach einem Schritt angehalten, Thread %1</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="48"/>
        <source>&lt;b style=&quot;color:#c62828&quot;&gt;%1&lt;/b&gt;&lt;br&gt;raised in thread %2, paused before it unwinds</source>
        <translation>&lt;b style=&quot;color:#c62828&quot;&gt;%1&lt;/b&gt;&lt;br&gt;ausgelöst in Thread %2, angehalten, bevor der Stapel abgebaut wird</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="65"/>
        <source>Library code (outside the mapped namespaces)</source>
        <translation>Bibliothekscode (außerhalb der abgebildeten Namensräume)</translation>
    </message>
    <message>
        <location filename="../widgets/CallStackPanel.cpp" line="76"/>
        <source>Not paused.</source>
        <translation>Nicht angehalten.</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../widgets/CodeEditor.cpp" line="110"/>
        <source>built-in highlighter</source>
        <translation>eingebaute Syntaxhervorhebung</translation>
    </message>
    <message>
        <location filename="../widgets/CodeEditor.cpp" line="225"/>
        <source>The buffer has no file name.</source>
        <translation>Der Puffer hat keinen Dateinamen.</translation>
    </message>
</context>
<context>
    <name>ConsoleWidget</name>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="227"/>
        <source>Completion needs the Python package %1 (python3-%1), which this interpreter lacks</source>
        <translation>Die Vervollständigung braucht das Python-Paket %1 (python3-%1), das diesem Interpreter fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="753"/>
        <source>Python command</source>
        <translation>Python-Befehl</translation>
    </message>
    <message>
        <source>Interrupt the running command (Ctrl+C)</source>
        <translation type="vanished">Laufenden Befehl unterbrechen (Strg+C)</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="138"/>
        <source>Stop what runs: the console command or the program (Ctrl+C)</source>
        <translation>Anhalten, was läuft: den Konsolenbefehl oder das Programm (Strg+C)</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="146"/>
        <source>Restart the interpreter: a fresh console, breakpoints and watches kept</source>
        <translation>Interpreter neu starten: eine frische Konsole, Haltepunkte und Überwachungen bleiben</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="153"/>
        <source>Clear the console</source>
        <translation>Konsole leeren</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="600"/>
        <source>the program</source>
        <translation>das Programm</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="606"/>
        <source>the console command</source>
        <translation>den Konsolenbefehl</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="616"/>
        <source>Stopping %1</source>
        <translation>Halte %1 an</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="616"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="661"/>
        <source>Restart Interpreter</source>
        <translation>Interpreter neu starten</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="662"/>
        <source>The console runs inside Relive, so it cannot exit. Restart the interpreter instead? The program is stopped and the console&apos;s variables are cleared; breakpoints and watches are kept.</source>
        <translation>Die Konsole läuft in Relive und kann daher nicht beendet werden. Stattdessen den Interpreter neu starten? Das Programm wird angehalten und die Variablen der Konsole werden geleert; Haltepunkte und Überwachungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="668"/>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="689"/>
        <source>Interpreter restarted: a fresh __main__, and the namespaces&apos; modules run afresh when imported</source>
        <translation>Interpreter neu gestartet: ein frisches __main__, und die Module der Namensräume laufen beim Import neu</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="743"/>
        <source>Password for the program (not shown)</source>
        <translation>Passwort für das Programm (wird nicht angezeigt)</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="744"/>
        <source>Input for the program</source>
        <translation>Eingabe für das Programm</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="749"/>
        <source>Python in the paused frame</source>
        <translation>Python im angehaltenen Frame</translation>
    </message>
</context>
<context>
    <name>DebugController</name>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="89"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="90"/>
        <source>Call Stack</source>
        <translation>Aufrufstapel</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="91"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="131"/>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="136"/>
        <source>Debug</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="153"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="155"/>
        <source>Step &amp;Over</source>
        <translation>Schritt &amp;über</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="157"/>
        <source>Step &amp;Into</source>
        <translation>Schritt &amp;hinein</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="159"/>
        <source>Step O&amp;ut</source>
        <translation>Schritt h&amp;eraus</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="161"/>
        <source>Run to &amp;Cursor</source>
        <translation>Bis zum &amp;Cursor ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="164"/>
        <source>&amp;Restart Frame</source>
        <translation>Frame &amp;neu starten</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="166"/>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="172"/>
        <source>Toggle &amp;Breakpoint</source>
        <translation>&amp;Haltepunkt umschalten</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="177"/>
        <source>Pause on &amp;Exceptions</source>
        <translation>Bei &amp;Ausnahmen anhalten</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="179"/>
        <source>&amp;Never</source>
        <translation>&amp;Nie</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="179"/>
        <source>&amp;Uncaught</source>
        <translation>&amp;Unbehandelte</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="179"/>
        <source>&amp;Raised in My Code</source>
        <translation>In meinem Code &amp;ausgelöste</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="188"/>
        <source>Also in &amp;Console Commands</source>
        <translation>Auch bei &amp;Konsolenbefehlen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="190"/>
        <source>Off, an exception from a console command prints its traceback, as in every Python shell</source>
        <translation>Aus: Eine Ausnahme aus einem Konsolenbefehl gibt ihren Traceback aus, wie in jeder Python-Shell</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="198"/>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="199"/>
        <source>When an exception pauses the program</source>
        <translation>Wann eine Ausnahme das Programm anhält</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="406"/>
        <source>Breakpoint Condition</source>
        <translation>Bedingung des Haltepunkts</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="407"/>
        <source>Pause at %1:%2 only when this Python expression is true (empty: always):</source>
        <translation>Bei %1:%2 nur anhalten, wenn dieser Python-Ausdruck wahr ist (leer: immer):</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="413"/>
        <source>Breakpoint Hit Count</source>
        <translation>Trefferzahl des Haltepunkts</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="414"/>
        <source>Pause from this hit on (1: every hit):</source>
        <translation>Ab diesem Treffer anhalten (1: bei jedem Treffer):</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="428"/>
        <source>Edit Condition and Hit Count…</source>
        <translation>Bedingung und Trefferzahl bearbeiten…</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="429"/>
        <source>Remove Breakpoint</source>
        <translation>Haltepunkt entfernen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="431"/>
        <source>Add Breakpoint</source>
        <translation>Haltepunkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="434"/>
        <source>Run to Line %1</source>
        <translation>Bis Zeile %1 ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="498"/>
        <source>Paused on %1 at %2:%3</source>
        <translation>Angehalten bei %1 in %2:%3</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="499"/>
        <source>Paused at %1:%2</source>
        <translation>Angehalten in %1:%2</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="588"/>
        <source>Retry is for a program paused on an exception.</source>
        <translation>Wiederholen gibt es für ein Programm, das bei einer Ausnahme angehalten ist.</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="598"/>
        <source>Save %1 first: Retry runs the saved code.</source>
        <translation>Speichern Sie zuerst %1: Wiederholen führt den gespeicherten Code aus.</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="602"/>
        <source>Fix %1 and save it: Retry then calls %2 again with the new code.</source>
        <translation>Korrigieren und speichern Sie %1: Wiederholen ruft %2 dann mit dem neuen Code erneut auf.</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="606"/>
        <source>Call %1 again with the saved code and the same arguments</source>
        <translation>%1 mit dem gespeicherten Code und denselben Argumenten erneut aufrufen</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="626"/>
        <source>Call %1 again with the same arguments, running its saved code</source>
        <translation>%1 mit denselben Argumenten erneut aufrufen, mit seinem gespeicherten Code</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="627"/>
        <source>Cannot restart %1: %2</source>
        <translation>%1 kann nicht neu gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/DebugController.cpp" line="630"/>
        <source>Restart Frame: call the selected frame&apos;s function again (while paused)</source>
        <translation>Frame neu starten: die Funktion des gewählten Frames erneut aufrufen (im angehaltenen Zustand)</translation>
    </message>
</context>
<context>
    <name>Debugger</name>
    <message>
        <location filename="../core/Debugger.cpp" line="170"/>
        <source>Breakpoint %1:%2 is not checked yet: %3</source>
        <translation>Haltepunkt %1:%2 ist noch nicht geprüft: %3</translation>
    </message>
    <message>
        <location filename="../core/Debugger.cpp" line="173"/>
        <source>Breakpoint %1:%2: no code on or after this line</source>
        <translation>Haltepunkt %1:%2: kein Code in oder nach dieser Zeile</translation>
    </message>
    <message>
        <location filename="../core/Debugger.cpp" line="176"/>
        <source>Breakpoint moved from line %1 to line %2 of %3, the next line with code</source>
        <translation>Haltepunkt von Zeile %1 nach Zeile %2 von %3 verschoben, der nächsten Zeile mit Code</translation>
    </message>
    <message>
        <location filename="../core/Debugger.cpp" line="273"/>
        <source>No thread is paused.</source>
        <translation>Kein Thread ist angehalten.</translation>
    </message>
    <message>
        <location filename="../core/Debugger.cpp" line="286"/>
        <location filename="../core/Debugger.cpp" line="320"/>
        <source>There is no frame %1.</source>
        <translation>Es gibt keinen Frame %1.</translation>
    </message>
    <message>
        <location filename="../core/Debugger.cpp" line="291"/>
        <source>Cannot restart %1: %2</source>
        <translation>%1 kann nicht neu gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../core/FrameRestarter.cpp" line="198"/>
        <source>a generator or coroutine frame cannot be restarted: it is resumed many times, not called once</source>
        <translation>der Frame eines Generators oder einer Coroutine kann nicht neu gestartet werden: er wird oft fortgesetzt, nicht einmal aufgerufen</translation>
    </message>
    <message>
        <location filename="../core/FrameRestarter.cpp" line="201"/>
        <source>only functions of a mapped namespace can be restarted; this frame runs library code</source>
        <translation>nur Funktionen eines zugeordneten Namensraums können neu gestartet werden; dieser Frame führt Bibliothekscode aus</translation>
    </message>
    <message>
        <location filename="../core/FrameRestarter.cpp" line="204"/>
        <source>module and class bodies cannot be restarted</source>
        <translation>Modul- und Klassenrümpfe können nicht neu gestartet werden</translation>
    </message>
    <message>
        <location filename="../core/FrameRestarter.cpp" line="205"/>
        <source>this call started before debugging was switched on, so its arguments were not kept</source>
        <translation>dieser Aufruf begann, bevor das Debuggen eingeschaltet wurde, daher wurden seine Argumente nicht aufbewahrt</translation>
    </message>
</context>
<context>
    <name>DiskChangeBar</name>
    <message>
        <location filename="../widgets/DiskChangeBar.cpp" line="12"/>
        <source>&amp;Reload from Disk</source>
        <translation>Von der Festplatte &amp;neu laden</translation>
    </message>
    <message>
        <location filename="../widgets/DiskChangeBar.cpp" line="13"/>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine Fassung behalten</translation>
    </message>
    <message>
        <location filename="../widgets/DiskChangeBar.cpp" line="32"/>
        <source>Keep this editor&apos;s text; saving it will replace the file on disk without asking again.</source>
        <translation>Den Text dieses Editors behalten; beim Speichern ersetzt er die Datei auf der Festplatte ohne weitere Nachfrage.</translation>
    </message>
    <message>
        <location filename="../widgets/DiskChangeBar.cpp" line="34"/>
        <source>Replace this editor&apos;s text with the file on disk (can be undone).</source>
        <translation>Den Text dieses Editors durch die Datei auf der Festplatte ersetzen (kann rückgängig gemacht werden).</translation>
    </message>
    <message>
        <location filename="../widgets/DiskChangeBar.cpp" line="51"/>
        <source>%1 on disk differs from this editor; the running program uses the disk version.</source>
        <translation>%1 auf der Festplatte unterscheidet sich von diesem Editor; das laufende Programm verwendet die Fassung auf der Festplatte.</translation>
    </message>
</context>
<context>
    <name>DocumentationViewer</name>
    <message>
        <location filename="../app/ide/DocumentationViewer.cpp" line="99"/>
        <source>Relive Documentation</source>
        <translation>Relive-Dokumentation</translation>
    </message>
    <message>
        <location filename="../app/ide/DocumentationViewer.cpp" line="104"/>
        <source>User Guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../app/ide/DocumentationViewer.cpp" line="122"/>
        <source>Open in External &amp;Viewer</source>
        <translation>In externem &amp;Programm öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/DocumentationViewer.cpp" line="123"/>
        <source>Opens the page with the desktop&apos;s program for Markdown files.</source>
        <translation>Öffnet die Seite mit dem Programm, das der Desktop für Markdown-Dateien verwendet.</translation>
    </message>
    <message>
        <location filename="../app/ide/DocumentationViewer.cpp" line="127"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="28"/>
        <source>&amp;Source</source>
        <translation>&amp;Quelltext</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="49"/>
        <source>Toggle &amp;Comment</source>
        <translation>&amp;Kommentar umschalten</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="51"/>
        <source>&amp;Indent Lines</source>
        <translation>Zeilen &amp;einrücken</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="53"/>
        <source>&amp;Dedent Lines</source>
        <translation>Zeilen &amp;ausrücken</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="56"/>
        <source>&amp;Format File</source>
        <translation>Datei &amp;formatieren</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="129"/>
        <source>Formatting %1 with %2…</source>
        <translation>%1 wird mit %2 formatiert…</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="144"/>
        <source>Saved %1 unformatted: %2</source>
        <translation>%1 unformatiert gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="147"/>
        <source>Saved %1 unformatted: it changed while %2 ran</source>
        <translation>%1 unformatiert gespeichert: Die Datei hat sich geändert, während %2 lief</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="148"/>
        <source>%1 changed while %2 ran; format it again</source>
        <translation>%1 hat sich geändert, während %2 lief; bitte erneut formatieren</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="155"/>
        <source>Formatted %1 with %2</source>
        <translation>%1 mit %2 formatiert</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="155"/>
        <source>%1 is already formatted (%2)</source>
        <translation>%1 ist bereits formatiert (%2)</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="157"/>
        <source>%1 asks for %2, which is not installed</source>
        <translation>%1 verlangt %2, das nicht installiert ist</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="161"/>
        <source>Formatted with %1 and saved %2</source>
        <translation>Mit %1 formatiert und %2 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="177"/>
        <source>No formatter is installed: Relive formats with ruff or black. Install one with “sudo apt install black” (or “sudo apt install ruff” where the distribution has it)</source>
        <translation>Kein Formatierer installiert: Relive formatiert mit ruff oder black. Einen davon installieren mit „sudo apt install black“ (oder „sudo apt install ruff“, wo die Distribution es anbietet)</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="183"/>
        <source>%1 could not format %2: %3</source>
        <translation>%1 konnte %2 nicht formatieren: %3</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="186"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="188"/>
        <source>%1 stopped unexpectedly while formatting %2</source>
        <translation>%1 wurde beim Formatieren von %2 unerwartet beendet</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="190"/>
        <source>%1 did not finish formatting %2 within %3 seconds</source>
        <translation>%1 hat das Formatieren von %2 nicht innerhalb von %3 Sekunden beendet</translation>
    </message>
    <message>
        <location filename="../app/ide/EditingController.cpp" line="194"/>
        <source>%1 gave nothing back for %2; the project&apos;s configuration may exclude the file</source>
        <translation>%1 hat für %2 nichts zurückgegeben; vielleicht schließt die Konfiguration des Projekts die Datei aus</translation>
    </message>
</context>
<context>
    <name>EditorAssistant</name>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="81"/>
        <source>Completion, call tips and go to definition need the Python package %1 (python3-%1), which this interpreter lacks</source>
        <translation>Vervollständigung, Aufrufhinweise und Sprung zur Definition brauchen das Python-Paket %1 (python3-%1), das diesem Interpreter fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="85"/>
        <source>Only syntax errors and namespace imports are checked: the checker needs the Python package %1 (python3-%1), which this interpreter lacks</source>
        <translation>Nur Syntaxfehler und Importe aus Namensräumen werden geprüft: die Prüfung braucht das Python-Paket %1 (python3-%1), das diesem Interpreter fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="210"/>
        <source>No completions</source>
        <translation>Keine Vervollständigungen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="300"/>
        <source>No definition found for %1</source>
        <translation>Keine Definition für %1 gefunden</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="381"/>
        <source>Go to Definition</source>
        <translation>Zur Definition springen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="384"/>
        <source>Find Usages</source>
        <translation>Verwendungen suchen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="387"/>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorAssistant.cpp" line="391"/>
        <source>Toggle Comment</source>
        <translation>Kommentar umschalten</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="232"/>
        <location filename="../widgets/EditorTabs.cpp" line="270"/>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="233"/>
        <location filename="../widgets/EditorTabs.cpp" line="271"/>
        <source>Could not save %1:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="263"/>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="264"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="320"/>
        <location filename="../widgets/EditorTabs.cpp" line="347"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="321"/>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="348"/>
        <source>These files have unsaved changes:
%1

Save them?</source>
        <translation>Diese Dateien haben ungespeicherte Änderungen:
%1

Speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="380"/>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="381"/>
        <source>Line (1 - %1):</source>
        <translation>Zeile (1 - %1):</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="444"/>
        <source>Reloaded %1 from disk</source>
        <translation>%1 wurde von der Festplatte neu geladen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="197"/>
        <location filename="../widgets/EditorTabs.cpp" line="450"/>
        <source>File Changed on Disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="112"/>
        <source>Untitled %1</source>
        <translation>Unbenannt %1</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="451"/>
        <source>%1 was changed by another program, and this buffer has unsaved changes.
Reload it from disk and lose your changes?</source>
        <translation>%1 wurde von einem anderen Programm geändert, und dieser Puffer hat ungespeicherte Änderungen.
Von der Festplatte neu laden und Ihre Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="198"/>
        <source>%1 has been changed on disk since it was loaded or saved.
Overwrite it with the text of this editor?</source>
        <translation>%1 wurde auf der Festplatte geändert, seit sie geladen oder gespeichert wurde.
Mit dem Text dieses Editors überschreiben?</translation>
    </message>
</context>
<context>
    <name>EnvironmentController</name>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="39"/>
        <source>Find in the Project Folder</source>
        <translation>Im Projektordner suchen</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="40"/>
        <source>Choose a Virtual Environment…</source>
        <translation>Virtuelle Umgebung wählen…</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="44"/>
        <source>No Virtual Environment</source>
        <translation>Keine virtuelle Umgebung</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="106"/>
        <source>Using the virtual environment %1 (Python %2): its packages come before the system&apos;s.</source>
        <translation>Die virtuelle Umgebung %1 (Python %2) wird verwendet: Ihre Pakete haben Vorrang vor denen des Systems.</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="109"/>
        <source>No virtual environment: the system&apos;s packages are used.</source>
        <translation>Keine virtuelle Umgebung: Die Pakete des Systems werden verwendet.</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="118"/>
        <source>Python %1</source>
        <translation>Python %1</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="119"/>
        <source>The interpreter Relive embeds: Python %1.</source>
        <translation>Der in Relive eingebettete Interpreter: Python %1.</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="122"/>
        <source>Virtual environment: %1</source>
        <translation>Virtuelle Umgebung: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="124"/>
        <source>venv not used</source>
        <translation>venv nicht verwendet</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="126"/>
        <source>No virtual environment.</source>
        <translation>Keine virtuelle Umgebung.</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="130"/>
        <source>Click to choose a virtual environment.</source>
        <translation>Klicken, um eine virtuelle Umgebung zu wählen.</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="143"/>
        <location filename="../app/ide/EnvironmentController.cpp" line="150"/>
        <source>Choose a Virtual Environment</source>
        <translation>Virtuelle Umgebung wählen</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="160"/>
        <source>Find in the project folder (none there)</source>
        <translation>Im Projektordner suchen (dort keine)</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="161"/>
        <source>Find in the project folder (%1)</source>
        <translation>Im Projektordner suchen (%1)</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="163"/>
        <source>None: the system&apos;s packages only</source>
        <translation>Keine: nur die Pakete des Systems</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="166"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../app/ide/EnvironmentController.cpp" line="189"/>
        <source>Open a folder first: the choice is kept per folder.</source>
        <translation>Zuerst einen Ordner öffnen: Die Wahl gilt je Ordner.</translation>
    </message>
</context>
<context>
    <name>FileSearch</name>
    <message>
        <location filename="../core/FileSearch.cpp" line="409"/>
        <source>%1 cannot be read any more.</source>
        <translation>%1 kann nicht mehr gelesen werden.</translation>
    </message>
    <message>
        <location filename="../core/FileSearch.cpp" line="413"/>
        <source>%1 changed since the search; search again to replace in it.</source>
        <translation>%1 hat sich seit der Suche geändert; erneut suchen, um darin zu ersetzen.</translation>
    </message>
    <message>
        <location filename="../core/FileSearch.cpp" line="418"/>
        <location filename="../core/FileSearch.cpp" line="424"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>FileSearchQuery</name>
    <message>
        <location filename="../core/FileSearch.cpp" line="220"/>
        <source>Type what to find.</source>
        <translation>Geben Sie ein, was gesucht werden soll.</translation>
    </message>
    <message>
        <location filename="../core/FileSearch.cpp" line="234"/>
        <source>Invalid regular expression at character %1: %2</source>
        <translation>Ungültiger regulärer Ausdruck bei Zeichen %1: %2</translation>
    </message>
</context>
<context>
    <name>FindInFilesController</name>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="24"/>
        <source>Find in Files</source>
        <translation>Suche in Dateien</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="54"/>
        <source>Find in F&amp;iles…</source>
        <translation>In &amp;Dateien suchen…</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="89"/>
        <source>Open a folder first: Find in Files searches the open folders.</source>
        <translation>Zuerst einen Ordner öffnen: Die Suche in Dateien durchsucht die geöffneten Ordner.</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="126"/>
        <source>Wait for the search to finish, or stop it, before replacing.</source>
        <translation>Vor dem Ersetzen das Ende der Suche abwarten oder sie anhalten.</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="130"/>
        <source>Nothing to replace: search first.</source>
        <translation>Nichts zu ersetzen: zuerst suchen.</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="169"/>
        <source>%1 changed since the search; search again to replace in it.</source>
        <translation>%1 hat sich seit der Suche geändert; erneut suchen, um darin zu ersetzen.</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="196"/>
        <source>Replaced %1 in %2.</source>
        <translation>%1 in %2 ersetzt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ide/FindInFilesController.cpp" line="197"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ide/FindInFilesController.cpp" line="197"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="199"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/FindInFilesController.cpp" line="210"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>FindInFilesModel</name>
    <message>
        <location filename="../widgets/FindInFilesModel.cpp" line="69"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>FindInFilesPanel</name>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="99"/>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="100"/>
        <source>Match case</source>
        <translation>Groß/Klein</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="101"/>
        <source>Whole word</source>
        <translation>Ganzes Wort</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="102"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="103"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="104"/>
        <source>Replace All…</source>
        <translation>Alle ersetzen…</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="110"/>
        <source>Find in the open folders (Enter searches)</source>
        <translation>In den geöffneten Ordnern suchen (Eingabetaste sucht)</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="113"/>
        <source>Replace with (\1 for a group of a regex)</source>
        <translation>Ersetzen durch (\1 für eine Gruppe der Regex)</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="115"/>
        <source>Files: all</source>
        <translation>Dateien: alle</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="117"/>
        <source>Which files: wildcards on the file name, separated by commas (*.py, *.txt); empty: every text file. Binary files, .git, __pycache__, virtual environments and build folders are never searched.</source>
        <translation>Welche Dateien: Platzhalter für den Dateinamen, durch Kommas getrennt (*.py, *.txt); leer: jede Textdatei. Binärdateien, .git, __pycache__, virtuelle Umgebungen und Build-Ordner werden nie durchsucht.</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="120"/>
        <source>The query is a regular expression (Perl syntax), matched line by line</source>
        <translation>Der Suchtext ist ein regulärer Ausdruck (Perl-Syntax), Zeile für Zeile angewandt</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="122"/>
        <source>Shows every change before anything is replaced</source>
        <translation>Zeigt jede Änderung, bevor etwas ersetzt wird</translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="194"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="204"/>
        <source>Searching… %n match(es) so far</source>
        <translation>
            <numerusform>Suche läuft… bisher %n Treffer</numerusform>
            <numerusform>Suche läuft… bisher %n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="211"/>
        <source>Search stopped: %n match(es) so far</source>
        <translation>
            <numerusform>Suche angehalten: bisher %n Treffer</numerusform>
            <numerusform>Suche angehalten: bisher %n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="215"/>
        <source>No matches in %n file(s).</source>
        <translation>
            <numerusform>Keine Treffer in %n Datei.</numerusform>
            <numerusform>Keine Treffer in %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/FindInFilesPanel.cpp" line="216"/>
        <source>%1 in %2 (%3 searched).</source>
        <translation>%1 in %2 (%3 durchsucht).</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="217"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="218"/>
        <location filename="../widgets/FindInFilesPanel.cpp" line="219"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/FindInFilesPanel.cpp" line="221"/>
        <source>%n binary file(s) skipped.</source>
        <translation>
            <numerusform>%n Binärdatei übersprungen.</numerusform>
            <numerusform>%n Binärdateien übersprungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="18"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="19"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="21"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="23"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="25"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="26"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="27"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="28"/>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="32"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>InspectorModel</name>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="30"/>
        <source>Listing the instances of %1…</source>
        <translation>Instanzen von %1 werden aufgelistet…</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="234"/>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="235"/>
        <source>more… (%1 of %2 shown)</source>
        <translation>mehr… (%1 von %2 angezeigt)</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="237"/>
        <source>Double-click or scroll to the end to load the next ones</source>
        <translation>Doppelklicken oder ans Ende blättern, um die nächsten zu laden</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="248"/>
        <source>%1 (subclass)</source>
        <translation>%1 (Unterklasse)</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="252"/>
        <source>collected</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="262"/>
        <source>The object no longer exists in the program</source>
        <translation>Das Objekt existiert im Programm nicht mehr</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="264"/>
        <source>An instance of the subclass %1</source>
        <translation>Eine Instanz der Unterklasse %1</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="266"/>
        <source>Double-click to assign a Python expression, evaluated in the program</source>
        <translation>Doppelklicken, um einen Python-Ausdruck zuzuweisen, der im Programm ausgewertet wird</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="319"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="321"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="323"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="467"/>
        <source>Instances of %1: %2</source>
        <translation>Instanzen von %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="469"/>
        <source>, of a subclass: %1</source>
        <translation>, davon von einer Unterklasse: %1</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorModel.cpp" line="471"/>
        <source> (the first %1 shown)</source>
        <translation> (die ersten %1 angezeigt)</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <location filename="../widgets/InspectorView.cpp" line="59"/>
        <source>Right-click a class in the namespace view and choose Show Instances, or call relive.inspect(obj) in the console.</source>
        <translation>Klicken Sie mit der rechten Maustaste auf eine Klasse in der Namensraum-Ansicht und wählen Sie „Instanzen anzeigen“, oder rufen Sie relive.inspect(obj) in der Konsole auf.</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorView.cpp" line="62"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorView.cpp" line="63"/>
        <source>Read the objects shown again from the running program</source>
        <translation>Die angezeigten Objekte erneut aus dem laufenden Programm lesen</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorView.cpp" line="66"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../widgets/InspectorView.cpp" line="71"/>
        <source>Not assigned: %1</source>
        <translation>Nicht zugewiesen: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1: %n live instance(s)</source>
        <translation type="vanished">
            <numerusform>%1: %n lebende Instanz</numerusform>
            <numerusform>%1: %n lebende Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1000"/>
        <source>Running %1</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <source>%1 finished (exit status %2)</source>
        <translation type="vanished">%1 beendet (Exit-Status %2)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="221"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="222"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="224"/>
        <source>Reload Log</source>
        <translation>Neuladeprotokoll</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="226"/>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="237"/>
        <source>Overrides</source>
        <translation>Überschreibungen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="246"/>
        <source>Watches</source>
        <translation>Überwachungen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="262"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="296"/>
        <source>the file&apos;s text changed meanwhile; try again</source>
        <translation>der Text der Datei hat sich inzwischen geändert; bitte erneut versuchen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="298"/>
        <source>Could not write the override to the file: %1</source>
        <translation>Die Überschreibung konnte nicht in die Datei geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="313"/>
        <source>The override is in %1, not saved: review it and save</source>
        <translation>Die Überschreibung steht in %1, nicht gespeichert: prüfen und speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="322"/>
        <source>&amp;Override in Running Program</source>
        <translation>Im laufenden Programm &amp;überschreiben</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="333"/>
        <source>%1 is overridden in the running program</source>
        <translation>%1 ist im laufenden Programm überschrieben</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="334"/>
        <source>Could not override: %1</source>
        <translation>Überschreiben nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="368"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="370"/>
        <source>Open &amp;Folder as Namespace…</source>
        <translation>&amp;Ordner als Namensraum öffnen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="374"/>
        <source>&amp;Recent Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>&amp;New File…</source>
        <translation type="vanished">&amp;Neue Datei…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="380"/>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="382"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="384"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="386"/>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="388"/>
        <source>&amp;Close File</source>
        <translation>Datei s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="392"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="395"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="408"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="409"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="412"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="413"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="414"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="416"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="418"/>
        <source>R&amp;eplace…</source>
        <translation>E&amp;rsetzen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="420"/>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="423"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="425"/>
        <source>&amp;Run File</source>
        <translation>Datei &amp;ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="429"/>
        <source>Run File with &amp;Arguments…</source>
        <translation>Datei mit &amp;Argumenten ausführen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="433"/>
        <source>Run &amp;Callable</source>
        <translation>&amp;Aufrufbares Objekt ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="437"/>
        <source>Run &amp;Target…</source>
        <translation>Ausführungs&amp;ziel…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="439"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="447"/>
        <source>&amp;Interrupt Console</source>
        <translation>Konsole &amp;unterbrechen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="450"/>
        <source>R&amp;estart Interpreter</source>
        <translation>Interpreter n&amp;eu starten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="456"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="458"/>
        <source>Refresh &amp;Namespace</source>
        <translation>&amp;Namensraum aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="462"/>
        <source>Refresh &amp;Instance Counts</source>
        <translation>&amp;Instanzanzahlen aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="463"/>
        <source>&amp;Clear Console</source>
        <translation>&amp;Konsole leeren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="542"/>
        <source>%1 could not be opened as %2: %3</source>
        <translation>%1 konnte nicht als %2 geöffnet werden: %3</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="544"/>
        <source>Open it as %1 all the same? Code that imports %1 will then get this folder. Cancel to choose another name.</source>
        <translation>Trotzdem als %1 öffnen? Code, der %1 importiert, bekommt dann diesen Ordner. Abbrechen, um einen anderen Namen zu wählen.</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="546"/>
        <source>Open as %1</source>
        <translation>Als %1 öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="568"/>
        <source>%1 is open as a project: import %2</source>
        <translation>%1 ist als Projekt geöffnet: import %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="667"/>
        <source>%1 does not compile: %2</source>
        <translation>%1 lässt sich nicht kompilieren: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="689"/>
        <location filename="../app/ide/MainWindow.cpp" line="693"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="690"/>
        <source>Usages</source>
        <translation>Verwendungen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="693"/>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="698"/>
        <source>Editor intelligence failed: %1</source>
        <translation>Die Code-Analyse des Editors ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="730"/>
        <source>Usages of %1 (%2)</source>
        <translation>Verwendungen von %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="284"/>
        <location filename="../app/ide/MainWindow.cpp" line="556"/>
        <location filename="../app/ide/MainWindow.cpp" line="760"/>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="377"/>
        <source>&amp;New File</source>
        <translation>&amp;Neue Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="765"/>
        <source>%1 is opened read-only (library source)</source>
        <translation>%1 ist schreibgeschützt geöffnet (Quelltext einer Bibliothek)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="890"/>
        <source>A program is running: stop it first</source>
        <translation>Ein Programm läuft: bitte zuerst anhalten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="897"/>
        <source>Run with Arguments</source>
        <translation>Mit Argumenten ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="898"/>
        <source>Arguments for %1, as sys.argv[1:] (put &quot;double quotes&quot; around an argument with spaces):</source>
        <translation>Argumente für %1, als sys.argv[1:] (ein Argument mit Leerzeichen in &quot;doppelte Anführungszeichen&quot; setzen):</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="926"/>
        <source>The console is busy: interrupt it or wait, then run again</source>
        <translation>Die Konsole ist beschäftigt: Unterbrechen oder warten, dann erneut ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="930"/>
        <source>Running %1 in the console</source>
        <translation>%1 läuft in der Konsole</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="970"/>
        <location filename="../app/ide/MainWindow.cpp" line="985"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="971"/>
        <source>Paused at %1:%2</source>
        <translation>Angehalten in %1:%2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="975"/>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="977"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1001"/>
        <source>Running %1 %2</source>
        <translation>%1 %2 läuft</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1009"/>
        <source>%1 finished</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1012"/>
        <source>%1 stopped by you</source>
        <translation>%1 von Ihnen angehalten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1015"/>
        <source>%1 raised %2</source>
        <translation>%1 hat %2 ausgelöst</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1018"/>
        <source>%1 ended with exit status %2</source>
        <translation>%1 endete mit Exit-Status %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1023"/>
        <source>The globals of %1 are now in the console</source>
        <translation>Die globalen Namen von %1 sind jetzt in der Konsole</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1042"/>
        <source>Run the configuration %1</source>
        <translation>Die Konfiguration %1 ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1044"/>
        <source>Run the current file</source>
        <translation>Die aktuelle Datei ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1074"/>
        <source>%1 (project)</source>
        <translation>%1 (Projekt)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1175"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1186"/>
        <source>&amp;About Relive</source>
        <translation>&amp;Über Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="467"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="505"/>
        <location filename="../app/ide/MainWindow.cpp" line="979"/>
        <location filename="../app/ide/MainWindow.cpp" line="984"/>
        <source>Python ready</source>
        <translation>Python bereit</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="505"/>
        <source>Python failed to start</source>
        <translation>Python konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="510"/>
        <source>Python could not start: %1</source>
        <translation>Python konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="525"/>
        <source>Python is not running.</source>
        <translation>Python läuft nicht.</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="541"/>
        <source>Open Folder as Namespace</source>
        <translation>Ordner als Namensraum öffnen</translation>
    </message>
    <message>
        <source>%1 could not be opened as %2:
%3

Use this name anyway?</source>
        <translation type="vanished">%1 konnte nicht als %2 geöffnet werden:
%3

Diesen Namen trotzdem verwenden?</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="557"/>
        <source>Could not open %1 as %2: %3</source>
        <translation>%1 konnte nicht als %2 geöffnet werden: %3</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="569"/>
        <source>%1 is now the namespace %2</source>
        <translation>%1 ist jetzt der Namensraum %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="591"/>
        <source>Restore Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="592"/>
        <source>Relive did not exit cleanly last time. Unsaved changes to these files were kept:

%1

Restore them?</source>
        <translation>Relive wurde beim letzten Mal nicht sauber beendet. Ungespeicherte Änderungen an diesen Dateien wurden aufbewahrt:

%1

Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="601"/>
        <source>Could not restore %1: the file no longer exists</source>
        <translation>%1 konnte nicht wiederhergestellt werden: Die Datei existiert nicht mehr</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="629"/>
        <location filename="../app/ide/MainWindow.cpp" line="648"/>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="629"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New File</source>
        <translation type="vanished">Neue Datei</translation>
    </message>
    <message>
        <source>Could not create %1:
%2</source>
        <translation type="vanished">%1 konnte nicht angelegt werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="643"/>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="648"/>
        <source>Could not open %1:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="653"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="668"/>
        <source>Reload of %1 failed: %2</source>
        <translation>Neuladen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="856"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="857"/>
        <source>Callable to run in a program thread (package.module:function):</source>
        <translation>In einem Programm-Thread auszuführende Funktion (paket.modul:funktion):</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1046"/>
        <source>Run a callable of the namespace</source>
        <translation>Eine Funktion des Namensraums ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1043"/>
        <location filename="../app/ide/MainWindow.cpp" line="1047"/>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1075"/>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1096"/>
        <source>Line %1, Column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1110"/>
        <source>Relive</source>
        <translation>Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1128"/>
        <source>About Relive</source>
        <translation>Über Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1129"/>
        <source>&lt;h3&gt;Relive %1&lt;/h3&gt;&lt;p&gt;A live-coding IDE for Python: save a file and the running objects pick up the new code at once, with their state intact.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Relive %1&lt;/h3&gt;&lt;p&gt;Eine IDE für Live-Coding in Python: Speichern Sie eine Datei, und die laufenden Objekte übernehmen sofort den neuen Code, mit unverändertem Zustand.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1123"/>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1155"/>
        <source>Pre&amp;ferences…</source>
        <translation>Einste&amp;llungen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1161"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1165"/>
        <source>Zoom &amp;Out</source>
        <translation>V&amp;erkleinern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1168"/>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1177"/>
        <source>&amp;Welcome</source>
        <translation>&amp;Willkommen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1179"/>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1183"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1210"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1227"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1228"/>
        <source>The documentation was not found beside the program. It is the docs folder of Relive&apos;s source code.</source>
        <translation>Die Dokumentation wurde neben dem Programm nicht gefunden. Sie ist der Ordner docs im Quellcode von Relive.</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1250"/>
        <source>&amp;Virtual environment:</source>
        <translation>&amp;Virtuelle Umgebung:</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="1256"/>
        <source>The language changes when Relive is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Relive.</translation>
    </message>
</context>
<context>
    <name>NamespaceModel</name>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="16"/>
        <source>namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="18"/>
        <source>module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="20"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="22"/>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="24"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="215"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="226"/>
        <source>The instances of this class are not counted: it is an enum, or was made by calling type() rather than by a class statement.</source>
        <translation>Die Instanzen dieser Klasse werden nicht gezählt: Es ist ein Enum, oder sie wurde durch einen Aufruf von type() statt durch eine class-Anweisung erzeugt.</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="254"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="256"/>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="258"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
</context>
<context>
    <name>NamespaceView</name>
    <message>
        <location filename="../widgets/NamespaceView.cpp" line="76"/>
        <source>Go to Definition</source>
        <translation>Gehe zur Definition</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceView.cpp" line="78"/>
        <source>Refresh Instance Counts</source>
        <translation>Instanzanzahlen aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceView.cpp" line="81"/>
        <source>Show Instances</source>
        <translation>Instanzen anzeigen</translation>
    </message>
    <message>
        <source>Count Live Instances</source>
        <translation type="vanished">Lebende Instanzen zählen</translation>
    </message>
</context>
<context>
    <name>OpenFolderDialog</name>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="25"/>
        <source>Open Folder as Namespace</source>
        <translation>Ordner als Namensraum öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="34"/>
        <source>Type a path, pick a recent folder, or browse</source>
        <translation>Einen Pfad eingeben, einen zuletzt geöffneten Ordner wählen oder durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="37"/>
        <source>e.g. applib</source>
        <translation>z. B. applib</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="39"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="49"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="52"/>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namensraum:</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="53"/>
        <source>Packages:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="85"/>
        <source>Choose a Folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="95"/>
        <source>%1, imported under their own names, as Python imports them</source>
        <translation>%1, unter ihren eigenen Namen importiert, wie Python sie importiert</translation>
    </message>
</context>
<context>
    <name>OverridesView</name>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="17"/>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="18"/>
        <source>&amp;Write to File</source>
        <translation>In &amp;Datei schreiben</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="25"/>
        <source>Override of</source>
        <translation>Überschreibung von</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="25"/>
        <source>Typed in</source>
        <translation>Eingegeben in</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="25"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="25"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="28"/>
        <source>Revert</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="31"/>
        <source>Write to File</source>
        <translation>In Datei schreiben</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="36"/>
        <source>Put back what the file defines now</source>
        <translation>Wiederherstellen, was die Datei jetzt definiert</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="39"/>
        <source>Replace the method in its file by the override&apos;s text, in the editor, unsaved</source>
        <translation>Die Methode in ihrer Datei durch den Text der Überschreibung ersetzen, im Editor, ungespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="47"/>
        <source>@relive.override(Class) above a def in the console replaces a method of the running program until reverted.</source>
        <translation>@relive.override(Klasse) über einem def in der Konsole ersetzt eine Methode des laufenden Programms, bis sie zurückgenommen wird.</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="91"/>
        <source>file changed underneath</source>
        <translation>Datei darunter geändert</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="91"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="93"/>
        <source>The file was saved since: a revert puts back its new version</source>
        <translation>Die Datei wurde seitdem gespeichert: Zurücknehmen stellt ihre neue Fassung her</translation>
    </message>
</context>
<context>
    <name>PlotSink</name>
    <message>
        <location filename="../core/PlotSink.cpp" line="61"/>
        <source>Figure %1</source>
        <translation>Abbildung %1</translation>
    </message>
</context>
<context>
    <name>PlotsController</name>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="17"/>
        <source>Plots</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="64"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="65"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="68"/>
        <source>Save Figure</source>
        <translation>Abbildung speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="82"/>
        <source>Figure %1 is no longer in the Plots pane</source>
        <translation>Abbildung %1 ist nicht mehr in der Diagrammansicht</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="86"/>
        <source>Python is not running</source>
        <translation>Python läuft nicht</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="103"/>
        <source>Figure saved to %1</source>
        <translation>Abbildung in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ide/PlotsController.cpp" line="105"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>PlotsPanel</name>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="33"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="34"/>
        <source>Fit the figure to the pane</source>
        <translation>Die Abbildung in die Ansicht einpassen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="35"/>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="36"/>
        <source>Show the figure at its own size</source>
        <translation>Die Abbildung in ihrer eigenen Größe zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="47"/>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="49"/>
        <source>Save the figure as PNG or SVG</source>
        <translation>Die Abbildung als PNG oder SVG speichern</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="54"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="56"/>
        <source>Remove this figure from the pane</source>
        <translation>Diese Abbildung aus der Ansicht entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="58"/>
        <source>Clear All</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="60"/>
        <source>Remove every figure from the pane</source>
        <translation>Alle Abbildungen aus der Ansicht entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="251"/>
        <source>Figures that your code shows with matplotlib appear here, for example:

import matplotlib.pyplot as plt
plt.plot([1, 2, 3])
plt.show()</source>
        <translation>Abbildungen, die Ihr Code mit matplotlib zeigt, erscheinen hier, zum Beispiel:

import matplotlib.pyplot as plt
plt.plot([1, 2, 3])
plt.show()</translation>
    </message>
    <message>
        <location filename="../widgets/PlotsPanel.cpp" line="254"/>
        <source>matplotlib is not installed for Relive&apos;s Python.

Install it with:
sudo apt install python3-matplotlib

or, in the project&apos;s virtual environment:
pip install matplotlib</source>
        <translation>matplotlib ist für das Python von Relive nicht installiert.

Installation mit:
sudo apt install python3-matplotlib

oder, in der virtuellen Umgebung des Projekts:
pip install matplotlib</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="21"/>
        <source>Format Python files when saving (with ruff or black)</source>
        <translation>Python-Dateien beim Speichern formatieren (mit ruff oder black)</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="23"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="29"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="32"/>
        <source>Follow the desktop (light or dark)</source>
        <translation>Wie der Desktop (hell oder dunkel)</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="39"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="44"/>
        <source>The language changes when Relive is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Relive.</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="49"/>
        <source>View ▸ Zoom In / Zoom Out (%1 / %2) enlarge or shrink the editors and the console; %3 returns to this size.</source>
        <translation>Ansicht ▸ Vergrößern / Verkleinern (%1 / %2) ändern die Schriftgröße von Editoren und Konsole; %3 kehrt zu dieser Größe zurück.</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="59"/>
        <source>Editor &amp;font:</source>
        <translation>Editor-&amp;Schriftart:</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="60"/>
        <source>Font &amp;size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="62"/>
        <source>Colour &amp;theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="64"/>
        <source>F&amp;ormat on save:</source>
        <translation>&amp;Beim Speichern formatieren:</translation>
    </message>
    <message>
        <location filename="../app/ide/PreferencesDialog.cpp" line="65"/>
        <source>Interface &amp;language:</source>
        <translation>Sprache der &amp;Oberfläche:</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../widgets/ProblemsPanel.cpp" line="17"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../widgets/ProblemsPanel.cpp" line="17"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/ProblemsPanel.cpp" line="17"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/ProblemsPanel.cpp" line="93"/>
        <source>Reload: %1</source>
        <translation>Neu laden: %1</translation>
    </message>
</context>
<context>
    <name>ProjectTree</name>
    <message>
        <location filename="../widgets/ProjectTree.cpp" line="58"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/ProjectTree.cpp" line="60"/>
        <source>%1, the namespace %2</source>
        <translation>%1, der Namensraum %2</translation>
    </message>
</context>
<context>
    <name>ReloadLogView</name>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="12"/>
        <source>checked, not loaded yet</source>
        <translation>geprüft, noch nicht geladen</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="13"/>
        <source>checked, not loaded yet: %1</source>
        <translation>geprüft, noch nicht geladen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="18"/>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ReloadLogView.cpp" line="26"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="38"/>
        <source>edited statements only</source>
        <translation>nur die bearbeiteten Anweisungen</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="41"/>
        <source>whole module</source>
        <translation>ganzes Modul</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="44"/>
        <source>Ran: %1</source>
        <translation>Ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="45"/>
        <source>Ran: %1 (%2)</source>
        <translation>Ausgeführt: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="54"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="54"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="54"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="54"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="91"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="108"/>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
</context>
<context>
    <name>ReplacePreviewDialog</name>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="16"/>
        <source>Replace in Files</source>
        <translation>In Dateien ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="20"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="20"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="20"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="49"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="57"/>
        <source>Uncheck a change to leave it out. Files open in an editor change in their buffer (one undo step); others are written on disk.</source>
        <translation>Eine Änderung abwählen, um sie auszulassen. Im Editor geöffnete Dateien ändern sich im Puffer (ein Rückgängig-Schritt), die übrigen auf der Festplatte.</translation>
    </message>
    <message>
        <location filename="../widgets/ReplacePreviewDialog.cpp" line="79"/>
        <source>%1 of %2 changes will be made.</source>
        <translation>%1 von %2 Änderungen werden vorgenommen.</translation>
    </message>
</context>
<context>
    <name>RunConfiguration</name>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="62"/>
        <source>environment line %1 is not NAME=VALUE: %2</source>
        <translation>Umgebungszeile %1 ist nicht NAME=WERT: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="76"/>
        <source>it names nothing to run</source>
        <translation>sie nennt nichts Auszuführendes</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="78"/>
        <source>the file %1 does not exist</source>
        <translation>die Datei %1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="80"/>
        <source>&quot;%1&quot; is not &quot;-m&quot; followed by a module name</source>
        <translation>„%1“ ist nicht „-m“, gefolgt von einem Modulnamen</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="82"/>
        <source>&quot;%1&quot; is neither a .py file, &quot;-m module&quot; nor package.module:callable</source>
        <translation>„%1“ ist weder eine .py-Datei noch „-m modul“ noch paket.modul:funktion</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="87"/>
        <source>the working directory %1 does not exist</source>
        <translation>das Arbeitsverzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurations.cpp" line="94"/>
        <source>The run configuration &quot;%1&quot; cannot run: %2</source>
        <translation>Die Ausführungskonfiguration „%1“ kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>RunConfigurationsDialog</name>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="31"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="34"/>
        <source>Run Configurations</source>
        <translation>Ausführungskonfigurationen</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="43"/>
        <source>main.py, -m package.module or package.module:function</source>
        <translation>main.py, -m paket.modul oder paket.modul:funktion</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="44"/>
        <source>sys.argv[1:]: put &quot;double quotes&quot; around an argument with spaces</source>
        <translation>sys.argv[1:]: &quot;Anführungszeichen&quot; um Argumente mit Leerzeichen</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="45"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="46"/>
        <source>One NAME=VALUE a line</source>
        <translation>Ein NAME=WERT je Zeile</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="55"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="61"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="62"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="63"/>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumente:</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="64"/>
        <source>&amp;Working directory:</source>
        <translation>Arbeits&amp;verzeichnis:</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="65"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="66"/>
        <source>Paths are relative to %1.</source>
        <translation>Pfade sind relativ zu %1.</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="70"/>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="133"/>
        <source>Configuration %1</source>
        <translation>Konfiguration %1</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="192"/>
        <source>Program to Run</source>
        <translation>Auszuführendes Programm</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="193"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="200"/>
        <source>Working Directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="214"/>
        <source>Configuration %1 has no name.</source>
        <translation>Konfiguration %1 hat keinen Namen.</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="216"/>
        <source>Two configurations are named &quot;%1&quot;.</source>
        <translation>Zwei Konfigurationen heißen „%1“.</translation>
    </message>
    <message>
        <location filename="../app/ide/RunConfigurationsDialog.cpp" line="218"/>
        <source>The run configuration &quot;%1&quot;: %2</source>
        <translation>Die Ausführungskonfiguration „%1“: %2</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../app/ide/RunController.cpp" line="43"/>
        <source>What F5 runs: the current file or a run configuration of the folder</source>
        <translation>Was F5 ausführt: die aktuelle Datei oder eine Ausführungskonfiguration des Ordners</translation>
    </message>
    <message>
        <location filename="../app/ide/RunController.cpp" line="56"/>
        <source>Edit &amp;Configurations…</source>
        <translation>&amp;Konfigurationen bearbeiten…</translation>
    </message>
    <message>
        <location filename="../app/ide/RunController.cpp" line="86"/>
        <source>A program is running: stop it first</source>
        <translation>Ein Programm läuft: bitte zuerst anhalten</translation>
    </message>
    <message>
        <location filename="../app/ide/RunController.cpp" line="118"/>
        <source>Open a folder first: run configurations belong to a folder</source>
        <translation>Zuerst einen Ordner öffnen: Ausführungskonfigurationen gehören zu einem Ordner</translation>
    </message>
    <message>
        <location filename="../app/ide/RunController.cpp" line="164"/>
        <source>Current File</source>
        <translation>Aktuelle Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/RunController.cpp" line="168"/>
        <source>Edit Configurations…</source>
        <translation>Konfigurationen bearbeiten…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="63"/>
        <source>In the Editor</source>
        <translation>Im Editor</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="64"/>
        <source>While Paused</source>
        <translation>Während angehalten</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="65"/>
        <source>In the Console</source>
        <translation>In der Konsole</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="67"/>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="74"/>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="68"/>
        <source>Go to Definition</source>
        <translation>Zur Definition springen</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="69"/>
        <source>Find Usages</source>
        <translation>Verwendungen suchen</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="70"/>
        <source>Indent or dedent the selected lines</source>
        <translation>Die ausgewählten Zeilen ein- oder ausrücken</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="72"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="73"/>
        <source>Stop what runs</source>
        <translation>Anhalten, was läuft</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="75"/>
        <source>Previous and next command</source>
        <translation>Vorheriger und nächster Befehl</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="84"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="86"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="86"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../app/ide/ShortcutsDialog.cpp" line="105"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>TestsController</name>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="21"/>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="64"/>
        <source>Tests: %1</source>
        <translation>Tests: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="65"/>
        <source>The tests could not run; the Tests panel says why.</source>
        <translation>Die Tests konnten nicht laufen; die Testansicht sagt, warum.</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="83"/>
        <source>Stopping the tests after the one that runs now</source>
        <translation>Die Tests werden nach dem anhalten, der gerade läuft</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="104"/>
        <source>Run &amp;Tests</source>
        <translation>&amp;Tests ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="108"/>
        <source>Run &amp;Failed Tests</source>
        <translation>&amp;Fehlgeschlagene Tests ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="110"/>
        <source>&amp;Watch Tests</source>
        <translation>Tests &amp;beobachten</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="113"/>
        <source>After every save, run the tests that failed, then the others</source>
        <translation>Nach jedem Speichern die fehlgeschlagenen Tests ausführen, dann die übrigen</translation>
    </message>
    <message>
        <location filename="../app/ide/TestsController.cpp" line="131"/>
        <source>Open a project folder to run its tests.</source>
        <translation>Einen Projektordner öffnen, um seine Tests auszuführen.</translation>
    </message>
</context>
<context>
    <name>TestsPanel</name>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="50"/>
        <source>Run All</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="54"/>
        <source>Run Failed</source>
        <translation>Fehlgeschlagene ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="58"/>
        <source>Watch</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="60"/>
        <source>After every save, run the tests that failed, then the others</source>
        <translation>Nach jedem Speichern die fehlgeschlagenen Tests ausführen, dann die übrigen</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="62"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="65"/>
        <source>Stop the run after the test that runs now</source>
        <translation>Den Lauf nach dem Test anhalten, der gerade läuft</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="83"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="83"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="98"/>
        <source>Select a test to see its message.</source>
        <translation>Einen Test auswählen, um seine Meldung zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="153"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="156"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="157"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="158"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="159"/>
        <source>expected failure</source>
        <translation>erwarteter Fehlschlag</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="160"/>
        <source>unexpected success</source>
        <translation>unerwarteter Erfolg</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="216"/>
        <source>No tests were found.</source>
        <translation>Es wurden keine Tests gefunden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="283"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="285"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="287"/>
        <source>%n passed</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="289"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="291"/>
        <source>%n expected failure(s)</source>
        <translation>
            <numerusform>%n erwarteter Fehlschlag</numerusform>
            <numerusform>%n erwartete Fehlschläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/TestsPanel.cpp" line="293"/>
        <source>%n unexpected success(es)</source>
        <translation>
            <numerusform>%n unerwarteter Erfolg</numerusform>
            <numerusform>%n unerwartete Erfolge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="294"/>
        <source>No results</source>
        <translation>Keine Ergebnisse</translation>
    </message>
    <message>
        <location filename="../widgets/TestsPanel.cpp" line="298"/>
        <source>Running… %1</source>
        <translation>Läuft… %1</translation>
    </message>
</context>
<context>
    <name>UsagesPanel</name>
    <message>
        <location filename="../widgets/UsagesPanel.cpp" line="16"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/UsagesPanel.cpp" line="16"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/UsagesPanel.cpp" line="16"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="287"/>
        <source>Live: an instance of %1, a class of a namespace. Its methods run the code as last saved; a reload updates it in place.</source>
        <translation>Live: eine Instanz von %1, einer Klasse eines Namensraums. Ihre Methoden führen den zuletzt gespeicherten Code aus; ein Neuladen aktualisiert sie an Ort und Stelle.</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="292"/>
        <source>%1

Double-click to assign the value of a Python expression (evaluated in __main__).</source>
        <translation>%1

Doppelklicken, um den Wert eines Python-Ausdrucks zuzuweisen (ausgewertet in __main__).</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="365"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="367"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="369"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesModel.cpp" line="371"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="116"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="116"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="116"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="282"/>
        <source>Globals</source>
        <translation>Globale</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="148"/>
        <location filename="../widgets/VariablesPanel.cpp" line="161"/>
        <source>Open in Inspector</source>
        <translation>Im Inspektor öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="44"/>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="48"/>
        <source>Globals shown / all globals of __main__</source>
        <translation>Angezeigte globale Namen / alle globalen Namen von __main__</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="51"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="53"/>
        <source>Also show modules, functions, classes and __dunder__ names</source>
        <translation>Auch Module, Funktionen, Klassen und __dunder__-Namen zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="56"/>
        <location filename="../widgets/VariablesPanel.cpp" line="174"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="57"/>
        <source>List the program&apos;s globals again</source>
        <translation>Die globalen Namen des Programms neu auflisten</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="100"/>
        <source>Could not list the globals: %1</source>
        <translation>Die globalen Namen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="104"/>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="168"/>
        <source>Edit Value…</source>
        <translation>Wert bearbeiten…</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="170"/>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="228"/>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="305"/>
        <location filename="../widgets/VariablesPanel.cpp" line="316"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="349"/>
        <source>more… (%1 of %2 shown)</source>
        <translation>mehr… (%1 von %2 angezeigt)</translation>
    </message>
    <message>
        <location filename="../widgets/VariablesPanel.cpp" line="351"/>
        <source>Click to show the next %1</source>
        <translation>Klicken, um die nächsten %1 anzuzeigen</translation>
    </message>
</context>
<context>
    <name>VirtualEnvironment</name>
    <message>
        <location filename="../core/VirtualEnvironment.cpp" line="57"/>
        <source>The virtual environment %1 does not say which Python it is for; Relive runs Python %2. Make it again with python%3 -m venv.</source>
        <translation>Die virtuelle Umgebung %1 gibt nicht an, für welches Python sie ist; Relive verwendet Python %2. Legen Sie sie mit python%3 -m venv neu an.</translation>
    </message>
    <message>
        <location filename="../core/VirtualEnvironment.cpp" line="60"/>
        <source>The virtual environment %1 is for Python %2, but Relive runs Python %3: its packages cannot be used. Make one for Python %4 with python%4 -m venv.</source>
        <translation>Die virtuelle Umgebung %1 ist für Python %2, Relive verwendet aber Python %3: Ihre Pakete können nicht verwendet werden. Legen Sie eine für Python %4 mit python%4 -m venv an.</translation>
    </message>
    <message>
        <location filename="../core/VirtualEnvironment.cpp" line="71"/>
        <source>%1 is not a virtual environment: it has no pyvenv.cfg.</source>
        <translation>%1 ist keine virtuelle Umgebung: Es gibt keine pyvenv.cfg.</translation>
    </message>
</context>
<context>
    <name>WatchesView</name>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="21"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="26"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="26"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="30"/>
        <source>Remove Watch</source>
        <translation>Überwachung entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="43"/>
        <source>Add a watch expression</source>
        <translation>Zu überwachenden Ausdruck hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="50"/>
        <source>The module whose names the expressions see</source>
        <translation>Das Modul, dessen Namen die Ausdrücke sehen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="57"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="59"/>
        <source>How often the watches are evaluated</source>
        <translation>Wie oft die Ausdrücke ausgewertet werden</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="41"/>
        <source>Welcome to Relive</source>
        <translation>Willkommen bei Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="43"/>
        <source>Relive runs your Python program inside the IDE. Every time you save a file, the classes and functions it defines are updated &lt;b&gt;in place&lt;/b&gt;: objects that already exist run the new code at once, with their state intact. Three things to try with the bundled example:</source>
        <translation>Relive führt Ihr Python-Programm in der IDE aus. Jedes Mal, wenn Sie eine Datei speichern, werden die Klassen und Funktionen, die sie definiert, &lt;b&gt;an Ort und Stelle&lt;/b&gt; aktualisiert: Objekte, die schon existieren, führen sofort den neuen Code aus, und ihr Zustand bleibt erhalten. Drei Dinge zum Ausprobieren mit dem mitgelieferten Beispiel:</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="49"/>
        <source>Open a folder as a namespace</source>
        <translation>Einen Ordner als Namensraum öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="50"/>
        <source>&lt;a href=&quot;relive:open-folder&quot;&gt;File ▸ Open Folder as Namespace…&lt;/a&gt; (%1) makes a folder an importable package. The bundled example &lt;code&gt;resources/examples/server&lt;/code&gt; opens as &lt;code&gt;applib&lt;/code&gt;: &lt;code&gt;services/networking.py&lt;/code&gt; defines &lt;code&gt;NetworkService&lt;/code&gt;, which the Namespace pane shows as &lt;code&gt;applib.services.NetworkService&lt;/code&gt;.</source>
        <translation>&lt;a href=&quot;relive:open-folder&quot;&gt;Datei ▸ Ordner als Namensraum öffnen…&lt;/a&gt; (%1) macht einen Ordner zu einem importierbaren Paket. Das mitgelieferte Beispiel &lt;code&gt;resources/examples/server&lt;/code&gt; wird als &lt;code&gt;applib&lt;/code&gt; geöffnet: &lt;code&gt;services/networking.py&lt;/code&gt; definiert &lt;code&gt;NetworkService&lt;/code&gt;, das die Namensraum-Ansicht als &lt;code&gt;applib.services.NetworkService&lt;/code&gt; zeigt.</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="58"/>
        <source>Use the console on live objects</source>
        <translation>Mit der Konsole an lebenden Objekten arbeiten</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="59"/>
        <source>In the Console at the bottom, import from the namespace and make an object:</source>
        <translation>Importieren Sie in der Konsole unten aus dem Namensraum und erzeugen Sie ein Objekt:</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="65"/>
        <source>The console answers &lt;code&gt;&apos;[echo #1] hello&apos;&lt;/code&gt;.</source>
        <translation>Die Konsole antwortet &lt;code&gt;&apos;[echo #1] hello&apos;&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="68"/>
        <source>Edit, save, and see the change</source>
        <translation>Bearbeiten, speichern und die Änderung sehen</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="69"/>
        <source>Open &lt;a href=&quot;relive:open-file/services/networking.py&quot;&gt;services/networking.py&lt;/a&gt;, change the text that &lt;code&gt;NetworkService.handle&lt;/code&gt; returns, and save (%1). The Reload Log shows &lt;code&gt;NetworkService.handle: code replaced&lt;/code&gt;. Call &lt;code&gt;s.handle(&quot;hello&quot;)&lt;/code&gt; again: the same object runs the new code, and its counter carries on at 2.</source>
        <translation>Öffnen Sie &lt;a href=&quot;relive:open-file/services/networking.py&quot;&gt;services/networking.py&lt;/a&gt;, ändern Sie den Text, den &lt;code&gt;NetworkService.handle&lt;/code&gt; zurückgibt, und speichern Sie (%1). Das Neuladeprotokoll zeigt &lt;code&gt;NetworkService.handle: code replaced&lt;/code&gt;. Rufen Sie &lt;code&gt;s.handle(&quot;hello&quot;)&lt;/code&gt; noch einmal auf: Dasselbe Objekt führt den neuen Code aus, und sein Zähler macht bei 2 weiter.</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="78"/>
        <source>Open &lt;code&gt;main.py&lt;/code&gt; and choose Run ▸ Run File (%1): the example&apos;s loop prints a line every second. Edit &lt;code&gt;handle&lt;/code&gt; while it runs and the next line shows the new code. A save with a syntax error applies nothing; the editor marks the line and the old code keeps running.</source>
        <translation>Öffnen Sie &lt;code&gt;main.py&lt;/code&gt; und wählen Sie Ausführen ▸ Datei ausführen (%1): Die Schleife des Beispiels gibt jede Sekunde eine Zeile aus. Ändern Sie &lt;code&gt;handle&lt;/code&gt;, während es läuft, und die nächste Zeile zeigt den neuen Code. Ein Speichern mit einem Syntaxfehler wendet nichts an; der Editor markiert die Zeile, und der alte Code läuft weiter.</translation>
    </message>
    <message>
        <location filename="../app/ide/WelcomePage.cpp" line="84"/>
        <source>More in &lt;a href=&quot;relive:documentation&quot;&gt;Help ▸ Documentation&lt;/a&gt; and &lt;a href=&quot;relive:shortcuts&quot;&gt;Help ▸ Keyboard Shortcuts&lt;/a&gt;. This page stays under Help ▸ Welcome.</source>
        <translation>Mehr unter &lt;a href=&quot;relive:documentation&quot;&gt;Hilfe ▸ Dokumentation&lt;/a&gt; und &lt;a href=&quot;relive:shortcuts&quot;&gt;Hilfe ▸ Tastenkürzel&lt;/a&gt;. Diese Seite bleibt unter Hilfe ▸ Willkommen erreichbar.</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <location filename="../app/ide/WindowLayout.cpp" line="198"/>
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/ide/main.cpp" line="35"/>
        <source>Live-coding IDE for Python.</source>
        <translation>IDE für Live-Coding in Python.</translation>
    </message>
    <message>
        <source>Folder to open as a namespace (default: the bundled example).</source>
        <translation type="vanished">Als Namensraum zu öffnender Ordner (Standard: das mitgelieferte Beispiel).</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="40"/>
        <source>Folder to open: a project (its packages under their own names) or a folder imported as a namespace (default: the bundled example).</source>
        <translation>Zu öffnender Ordner: ein Projekt (seine Pakete unter ihren eigenen Namen) oder ein Ordner, der als Namensraum importiert wird (Vorgabe: das mitgelieferte Beispiel).</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="56"/>
        <source>Name of the namespace the folder is imported as.</source>
        <translation>Name des Namensraums, unter dem der Ordner importiert wird.</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="57"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="102"/>
        <source>Not a folder: %1</source>
        <translation>Kein Ordner: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="116"/>
        <source>Relive</source>
        <translation>Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="117"/>
        <source>Python could not start:
%1</source>
        <translation>Python konnte nicht starten:
%1</translation>
    </message>
</context>
</TS>
