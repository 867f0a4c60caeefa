import Foundation
import Testing

/// The tmux driver itself, against a plain shell: if these fail, the explorer tests cannot be trusted.
@Suite(.serialized, .enabled(if: TmuxSession.shouldRun, "tmux is not installed: skipping the terminal tests (they fail instead under CI=true)"))
struct TmuxSessionTests {
    @Test func typesKeysAndReadsTheScreen() throws {
        let session = try TmuxSession(command: "sh", width: 60, height: 10, environment: ["PS1": "$ "])
        defer { session.kill() }
        try session.type("echo sum-$((20 + 22))")
        try session.sendKeys("Enter")
        try session.waitFor("sum-42")
    }

    @Test func resizesTheWindow() throws {
        let session = try TmuxSession(command: "sh", width: 60, height: 10, environment: ["PS1": "$ "])
        defer { session.kill() }
        try session.resize(width: 45, height: 12)
        try session.type("echo size=$(tput cols)x$(tput lines)")
        try session.sendKeys("Enter")
        try session.waitFor("size=45x12")
    }

    @Test func waitingReportsTheScreenOnTimeout() throws {
        let session = try TmuxSession(command: "sh -c 'echo visible; sleep 30'", width: 40, height: 5)
        defer { session.kill() }
        try session.waitFor("visible")
        do {
            try session.waitFor("never shown", timeout: .milliseconds(100))
            Issue.record("waitFor should have timed out")
        } catch let failure as TmuxSession.Failure {
            #expect(failure.description.contains("visible"))
        }
    }

    @Test func killEndsTheServer() throws {
        let session = try TmuxSession(command: "sleep 30", width: 40, height: 5)
        let pid = try session.panePID()
        session.kill()
        session.kill()
        let deadline = ContinuousClock.now + .seconds(5)
        while kill(pid, 0) == 0 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(kill(pid, 0) != 0, "the pane's process should be gone")
    }
}
