import Testing
import TerminalUI

@Test func cursesLibraryIsLinkedWithWideCharacters() {
    #expect(CursesTerminal.cursesVersion.hasPrefix("ncurses"))
}
