import Testing
import TerminalUI

@Test func cursesLibraryIsLinkedWithWideCharacters() {
    #expect(TerminalUI.cursesVersion.hasPrefix("ncurses"))
}
