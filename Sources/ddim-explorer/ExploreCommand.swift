import ArgumentParser
import Foundation
import Canvas
import Explorer
import TerminalUI
import ToyWorld

/// `ddim-explorer explore` (the default subcommand): the interactive explorer.
///
/// ```
/// ddim-explorer                                  # two moons, exact denoiser, 50 steps
/// ddim-explorer --dataset eight-gaussians --steps 10 --eta 1
/// ddim-explorer --scheduler-config sd15.json --record session.cast
/// ```
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Watch the DDIM chain run live in the terminal (the default command).",
        discussion: """
        Keys: space play/pause, ←/→ step (going back is exact), e/E eta, s/S steps, b schedule, \
        t spacing, c clipping, p prediction type, 1-4 modes, L lessons, ? all keys, q quit.
        Needs an interactive terminal; for headless use see `ddim-explorer render` and `ddim-explorer sample`.
        """
    )

    @OptionGroup var options: RunOptions

    @Option(help: ArgumentHelp("Record the session as an asciicast v2 file (play it with `asciinema play`).", valueName: "file"))
    var record: String?

    @Option(help: ArgumentHelp("Where the w key saves the scheduler configuration (diffusers JSON). An existing file is replaced only once the new one is complete; a symbolic link is followed.", valueName: "file"))
    var saveConfig: String = "scheduler_config.json"

    @Option(help: ArgumentHelp("Measure update + view time over this many playing frames without a terminal, print it and exit.",
                               valueName: "frames", visibility: .hidden))
    var benchmarkFrames: Int?

    @Option(help: ArgumentHelp("Screen size for --benchmark-frames, as WIDTHxHEIGHT.", valueName: "size", visibility: .hidden))
    var benchmarkSize: String = "120x40"

    func run() throws {
        let settings = try reportingSettings()
        if let frames = benchmarkFrames {
            try FrameBenchmark(settings: settings, frames: frames, size: benchmarkSize).run()
            return
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(recordingTo: record.map { URL(fileURLWithPath: $0) })
        } catch {
            printToStandardError("\(error)")
            throw ExitCode(2)
        }
        var model = ExplorerModel(settings: settings, configurationPath: saveConfig)
        model.learnedModels = ModelLibrary.shippedModel
        let ending = ExploreLoop(terminal: terminal).run(&model)
        terminal.close()
        // Also after quitting: the last writes, at close, can fail too.
        if let failure = terminal.recordingFailure, let record {
            printToStandardError("error: recording to '\(record)' failed: \(failure); the explorer stopped.")
            throw ExitCode.failure
        }
        if ending == .inputEnded {
            printToStandardError("error: the terminal's input ended (was the terminal closed?); the explorer stopped.")
            throw ExitCode.failure
        }
    }

    private func reportingSettings() throws -> RunSettings {
        do {
            return try options.settings(defaultDataset: .twoMoons)
        } catch {
            printToStandardError("error: \(errorMessage(error))")
            throw ExitCode.failure
        }
    }
}

/// The event loop: sleep in input until a key or the next tick, apply everything that arrived as
/// one burst (bounded work: see ``ExplorerModel/update(burst:)``), draw once.
struct ExploreLoop {
    let terminal: CursesTerminal

    /// How the loop ended.
    enum Ending: Equatable {
        case quit
        /// Standard input ended (the terminal went away).
        case inputEnded
        /// Writing the recording failed (``CursesTerminal/recordingFailure`` says why).
        case recordingFailed
    }

    func run(_ model: inout ExplorerModel) -> Ending {
        let glyphs: GlyphMode = terminal.supportsUnicode ? .braille : .ascii
        let depth = terminal.colorDepth
        _ = model.update(.resize(width: terminal.width, height: terminal.height))
        var nextTick: ContinuousClock.Instant?
        while true {
            terminal.draw(model.view(width: terminal.width, height: terminal.height, depth: depth, glyphs: glyphs))
            if terminal.recordingFailure != nil { return .recordingFailed }
            // Sleep until input, or until the next tick while playing.
            let now = ContinuousClock.now
            if let interval = model.tickIntervalMilliseconds {
                if nextTick == nil { nextTick = now.advanced(by: .milliseconds(interval)) }
            } else {
                nextTick = nil
            }
            var timeout = -1
            if let deadline = nextTick {
                let remaining = now.duration(to: deadline)
                timeout = max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            }
            var events = terminal.nextEvents(timeoutMilliseconds: timeout)
            if events.isEmpty && terminal.inputEnded { return .inputEnded }
            if let deadline = nextTick, ContinuousClock.now >= deadline {
                events.append(.tick)
                nextTick = model.tickIntervalMilliseconds.map { deadline.advanced(by: .milliseconds($0)) }
                if let next = nextTick, next < ContinuousClock.now { nextTick = ContinuousClock.now }
            }
            var rest = events[...]
            while !rest.isEmpty {
                let (effects, applied) = model.update(burst: rest)
                rest = rest.dropFirst(applied)
                for effect in effects {
                    switch effect {
                    case .quit:
                        return .quit
                    case .saveConfiguration(let url):
                        save(model.settings, to: url, model: &model)
                    }
                }
            }
        }
    }

    /// Writes the configuration atomically (a failure leaves an existing file as it was) and
    /// reports the path and the reason in words on the status line.
    private func save(_ settings: RunSettings, to url: URL, model: inout ExplorerModel) {
        do {
            try AtomicFile.write(settings.configuration.jsonText(), to: url.path)
            model.configurationSaved(to: url, error: nil)
        } catch let error as FileWriteError {
            model.configurationSaved(to: url, error: error.reason.words)
        } catch {
            model.configurationSaved(to: url, error: "\(error)")
        }
    }
}
