import ArgumentParser

/// The `ddim-explorer` command: the interactive explorer and its headless companions.
@main
struct DDIMExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddim-explorer",
        abstract: "Watch DDIM sampling run live in the terminal, or script it headlessly.",
        version: "0.1.0",
        subcommands: [ExploreCommand.self, SampleCommand.self, DataCommand.self, TableCommand.self, InspectCommand.self,
                      TrainCommand.self, ModelsCommand.self,
                      InterpolateCommand.self, RenderCommand.self, BenchCommand.self],
        defaultSubcommand: ExploreCommand.self
    )
}
