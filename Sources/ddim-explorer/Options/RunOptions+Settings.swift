import ArgumentParser
import Foundation
import ToyWorld

extension RunOptions {
    /// The run these flags describe, checked: every error names the flag, the value and what is allowed.
    /// `defaultDataset` is the dataset when neither --dataset, --data nor a model file names one.
    func settings(defaultDataset: DatasetKind? = nil) throws -> RunSettings {
        var settings = RunSettings()
        if let defaultDataset { settings.dataset = defaultDataset }
        try data.apply(to: &settings, model: model, scheduler: scheduler)
        if let steps {
            let train = settings.configuration.numTrainTimesteps
            guard steps >= 1, steps <= train else {
                throw CommandError.invalid("--steps", "\(steps)", allowed: "1 ... \(train) (the number of training timesteps)")
            }
            settings.steps = steps
        }
        if let eta {
            guard eta.isFinite, eta >= 0 else { throw CommandError.invalid("--eta", "\(eta)", allowed: "a finite value >= 0") }
            settings.eta = eta
        }
        if let count {
            guard count >= 1 else { throw CommandError.invalid("--count", "\(count)", allowed: "an integer >= 1") }
            settings.count = count
        }
        if let seed { settings.seed = seed }
        if let noise { settings.noise = noise }
        settings.useClippedModelOutput = useClippedModelOutput
        return settings
    }
}

extension NoiseKind: ExpressibleByArgument {}
