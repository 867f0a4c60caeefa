import Foundation

extension DDIMConfiguration {
    /// The configuration as a diffusers `scheduler_config.json` (the layout of diffusers'
    /// `save_config`: keys sorted, 2-space indent), which diffusers loads back as the same scheduler.
    ///
    /// - A configuration read from a file writes back every key of that file, the ones DDIM does not
    ///   use included, exactly as read (numbers digit for digit, `trained_betas` doubles too), with
    ///   the options changed since reading replaced; an option the file lacked is added only when it
    ///   differs from diffusers' default. So the file loads in diffusers as `DDIMScheduler` and as
    ///   its original `_class_name` with the same values.
    /// - A configuration built in code writes `"_class_name": "DDIMScheduler"`, the running
    ///   ``diffusersVersion`` and all 15 diffusers keys; the project extras
    ///   (`previous_timestep_rule`, `variance_kind`) only when they differ from their defaults.
    ///
    /// Throws ``DDIMError/unsavableOption(field:value:reason:)`` for `quad` spacing, which diffusers
    /// has no equivalent for.
    ///
    /// ```swift
    /// try DDIMConfiguration().jsonData().write(to: URL(fileURLWithPath: "scheduler_config.json"))
    /// ```
    public func jsonData() throws(DDIMError) -> Data {
        Data(try jsonText().utf8)
    }

    /// The text of ``jsonData()``.
    public func jsonText() throws(DDIMError) -> String {
        guard timestepSpacing != .quadratic else {
            throw .unsavableOption(field: "timestep_spacing", value: TimestepSpacing.quadratic.rawValue,
                                   reason: "diffusers has no quad spacing (its set_timesteps raises an error for it) and no "
                                       + "option that selects the same timesteps; allowed: leading, trailing or linspace")
        }
        let current = optionFields()
        let defaults = Self.defaultOptionFields
        var fields: [String: JSONValue]
        if let source {
            fields = source.fields
            for (key, value) in current {
                if source.fields[key] != nil {
                    if source.optionsAsRead[key] != value { fields[key] = value }
                } else if value != defaults[key] {
                    fields[key] = value
                }
            }
        } else {
            fields = current.filter { !Self.projectExtraKeys.contains($0.key) || $0.value != defaults[$0.key] }
            fields["_class_name"] = .string("DDIMScheduler")
            fields["_diffusers_version"] = .string(Self.diffusersVersion)
        }
        return JSONValue.object(fields).pythonText() + "\n"
    }

    /// Options diffusers does not have; written only when they differ from their defaults.
    static let projectExtraKeys: Set<String> = ["previous_timestep_rule", "variance_kind"]

    /// ``optionFields()`` of `DDIMConfiguration()`.
    static let defaultOptionFields = DDIMConfiguration().optionFields()

    /// Every option under its diffusers key, with numbers as Python writes the same value read back.
    func optionFields() -> [String: JSONValue] {
        [
            "num_train_timesteps": .number("\(numTrainTimesteps)"),
            "beta_start": .number(Self.number(betaStart)),
            "beta_end": .number(Self.number(betaEnd)),
            "beta_schedule": .string(betaSchedule.rawValue),
            "trained_betas": trainedBetas.map { .array($0.map { .number(Self.number($0)) }) } ?? .null,
            "clip_sample": .bool(clipSample),
            "set_alpha_to_one": .bool(setAlphaToOne),
            "steps_offset": .number("\(stepsOffset)"),
            "prediction_type": .string(predictionType.rawValue),
            "thresholding": .bool(thresholding),
            "dynamic_thresholding_ratio": .number(Self.number(dynamicThresholdingRatio)),
            "clip_sample_range": .number(Self.number(clipSampleRange)),
            "sample_max_value": .number(Self.number(sampleMaxValue)),
            "timestep_spacing": .string(timestepSpacing.rawValue),
            "rescale_betas_zero_snr": .bool(rescaleBetasZeroSnr),
            "previous_timestep_rule": .string(previousTimestepRule.rawValue),
            "variance_kind": .string(varianceKind.rawValue),
        ]
    }

    /// A float as the shortest decimal that reads back as the same float32 (always with a `.` or
    /// an exponent, as Python writes floats); `NaN`, `Infinity`, `-Infinity` as Python writes them.
    static func number(_ value: Float) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        return "\(value)"
    }
}
