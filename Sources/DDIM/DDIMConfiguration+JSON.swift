import Foundation

/// The JSON object a configuration was read from, and its options' values as read, so that
/// writing can tell which options changed since.
struct ConfigurationSource: Sendable, Hashable {
    /// Every key of the file with its value exactly as written.
    var fields: [String: JSONValue]
    /// ``DDIMConfiguration/optionFields()`` right after reading.
    var optionsAsRead: [String: JSONValue]
}

extension DDIMConfiguration {
    /// The diffusers release whose `DDIMScheduler` this module reproduces; written as `_diffusers_version`
    /// in files built in code (a file read from disk keeps its own).
    public static let diffusersVersion = "0.42.1"

    /// The keys of the options: diffusers' 15 `DDIMScheduler` keys and the two project extras.
    static let optionKeys: Set<String> = [
        "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "clip_sample",
        "set_alpha_to_one", "steps_offset", "prediction_type", "thresholding", "dynamic_thresholding_ratio",
        "clip_sample_range", "sample_max_value", "timestep_spacing", "rescale_betas_zero_snr",
        "previous_timestep_rule", "variance_kind",
    ]

    /// Reads a diffusers `scheduler_config.json` of any scheduler class, as diffusers'
    /// `DDIMScheduler.from_config` does: the keys DDIM knows are read, missing keys (and keys set to
    /// `null`) take diffusers' defaults, and every other key is kept for ``jsonData()`` and listed
    /// in ``ignoredKeys``. `NaN`, `Infinity` and `-Infinity` (which Python's `json` writes) are accepted.
    ///
    /// ```swift
    /// let data = try Data(contentsOf: URL(fileURLWithPath: "scheduler_config.json"))
    /// let config = try DDIMConfiguration(jsonData: data)
    /// print(config.sourceClassName, config.ignoredKeys)   // Optional("PNDMScheduler") ["skip_prk_steps"]
    /// ```
    public init(jsonData: Data) throws(DDIMError) {
        let value = try JSONReader.parse(jsonData)
        guard case .object(let object) = value else {
            throw .malformedJSON("the top level is \(value.kindName), not an object")
        }
        try self.init(object: object)
    }

    init(object: [String: JSONValue]) throws(DDIMError) {
        self.init()
        let fields = object.filter { $0.value != .null }
        if let name = fields["_class_name"] {
            guard case .string = name else {
                throw .wrongJSONType(field: "_class_name", expected: "a string", found: name.kindName)
            }
        }
        let reader = FieldReader(fields: fields)
        numTrainTimesteps = try reader.integer("num_train_timesteps") ?? numTrainTimesteps
        betaStart = try reader.float("beta_start") ?? betaStart
        betaEnd = try reader.float("beta_end") ?? betaEnd
        betaSchedule = try reader.choice("beta_schedule", BetaSchedule.self) ?? betaSchedule
        trainedBetas = try reader.floats("trained_betas")
        clipSample = try reader.boolean("clip_sample") ?? clipSample
        setAlphaToOne = try reader.boolean("set_alpha_to_one") ?? setAlphaToOne
        stepsOffset = try reader.integer("steps_offset") ?? stepsOffset
        predictionType = try reader.choice("prediction_type", PredictionType.self) ?? predictionType
        thresholding = try reader.boolean("thresholding") ?? thresholding
        dynamicThresholdingRatio = try reader.float("dynamic_thresholding_ratio") ?? dynamicThresholdingRatio
        clipSampleRange = try reader.float("clip_sample_range") ?? clipSampleRange
        sampleMaxValue = try reader.float("sample_max_value") ?? sampleMaxValue
        timestepSpacing = try reader.choice("timestep_spacing", TimestepSpacing.self) ?? timestepSpacing
        rescaleBetasZeroSnr = try reader.boolean("rescale_betas_zero_snr") ?? rescaleBetasZeroSnr
        previousTimestepRule = try reader.choice("previous_timestep_rule", PreviousTimestepRule.self) ?? previousTimestepRule
        varianceKind = try reader.choice("variance_kind", VarianceKind.self) ?? varianceKind
        source = ConfigurationSource(fields: object, optionsAsRead: optionFields())
    }
}

/// Typed access to the fields of a configuration object.
private struct FieldReader {
    let fields: [String: JSONValue]

    func integer(_ key: String) throws(DDIMError) -> Int? {
        guard let value = fields[key] else { return nil }
        guard let number = value.doubleValue, number.rounded() == number, abs(number) < 1e15 else {
            throw .wrongJSONType(field: key, expected: "an integer", found: value.kindName)
        }
        return Int(number)
    }

    func float(_ key: String) throws(DDIMError) -> Float? {
        guard let value = fields[key] else { return nil }
        guard let number = value.doubleValue else {
            throw .wrongJSONType(field: key, expected: "a number", found: value.kindName)
        }
        return Float(number)
    }

    func boolean(_ key: String) throws(DDIMError) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongJSONType(field: key, expected: "true or false", found: value.kindName)
        }
        return flag
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(DDIMError) -> T?
    where T.RawValue == String {
        guard let value = fields[key] else { return nil }
        guard case .string(let name) = value else {
            throw .wrongJSONType(field: key, expected: "a string", found: value.kindName)
        }
        guard let choice = T(rawValue: name) else {
            throw .unknownValue(field: key, value: name, allowed: T.allCases.map(\.rawValue))
        }
        return choice
    }

    func floats(_ key: String) throws(DDIMError) -> [Float]? {
        guard let value = fields[key] else { return nil }
        guard case .array(let items) = value else {
            throw .wrongJSONType(field: key, expected: "an array of numbers or null", found: value.kindName)
        }
        var result: [Float] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let number = item.doubleValue else {
                throw .wrongJSONType(field: "\(key)[\(index)]", expected: "a number", found: item.kindName)
            }
            result.append(Float(number))
        }
        return result
    }
}

extension DDIMConfiguration: Codable {
    /// Decodes the diffusers JSON object (the same rules as ``init(jsonData:)``).
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(JSONValue.self)
        guard case .object(let object) = value else {
            throw DDIMError.malformedJSON("the value is \(value.kindName), not an object")
        }
        try self.init(object: object)
    }

    /// Encodes the diffusers JSON object that ``jsonData()`` writes.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONReader.parse(jsonData()))
    }
}
