import Foundation

extension DDIMConfiguration {
    /// `_class_name` values whose configurations DDIM accepts: DDIM itself and the schedulers
    /// diffusers lists in `DDIMScheduler._compatibles` (what Stable Diffusion repositories ship).
    public static let compatibleClassNames: Set<String> = [
        "DDIMScheduler", "DDIMInverseScheduler", "DDIMParallelScheduler", "DDPMScheduler", "PNDMScheduler",
        "LMSDiscreteScheduler", "EulerDiscreteScheduler", "HeunDiscreteScheduler", "EulerAncestralDiscreteScheduler",
        "DPMSolverMultistepScheduler", "DPMSolverSinglestepScheduler", "KDPM2DiscreteScheduler",
        "KDPM2AncestralDiscreteScheduler", "DEISMultistepScheduler", "UniPCMultistepScheduler",
        "DPMSolverSDEScheduler", "EDMEulerScheduler",
    ]

    /// The diffusers release whose `DDIMScheduler` this module reproduces; written as `_diffusers_version`.
    public static let diffusersVersion = "0.42.1"

    /// Keys this module reads (diffusers' 15 plus the two project extras) and `_class_name`.
    static let knownKeys: Set<String> = [
        "_class_name", "num_train_timesteps", "beta_start", "beta_end", "beta_schedule", "trained_betas", "clip_sample",
        "set_alpha_to_one", "steps_offset", "prediction_type", "thresholding", "dynamic_thresholding_ratio",
        "clip_sample_range", "sample_max_value", "timestep_spacing", "rescale_betas_zero_snr",
        "previous_timestep_rule", "variance_kind",
    ]

    /// Reads a diffusers `scheduler_config.json`.
    ///
    /// Missing keys (and keys set to `null`) take diffusers' defaults; keys DDIM does not use are
    /// listed in ``ignoredKeys``. `_class_name`, when present, must be DDIM's or one that diffusers
    /// lists as compatible (``compatibleClassNames``).
    ///
    /// ```swift
    /// let data = try Data(contentsOf: URL(fileURLWithPath: "scheduler_config.json"))
    /// let config = try DDIMConfiguration(jsonData: data)
    /// print(config.ignoredKeys)   // ["_diffusers_version", "skip_prk_steps"]
    /// ```
    public init(jsonData: Data) throws(DDIMError) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: jsonData)
        } catch {
            throw .malformedJSON(Self.describe(error))
        }
        guard case .object(let object) = value else {
            throw .malformedJSON("the top level is \(value.kindName), not an object")
        }
        try self.init(object: object)
    }

    init(object: [String: JSONValue]) throws(DDIMError) {
        self.init()
        let fields = object.filter { $0.value != .null }
        if let name = fields["_class_name"] {
            guard case .string(let className) = name else {
                throw .wrongJSONType(field: "_class_name", expected: "a string", found: name.kindName)
            }
            guard Self.compatibleClassNames.contains(className) else { throw .incompatibleScheduler(className) }
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
        ignoredKeys = object.keys.filter { !Self.knownKeys.contains($0) }.sorted()
    }

    /// The configuration as a diffusers `scheduler_config.json`: keys sorted, 2-space indent,
    /// `"_class_name": "DDIMScheduler"`, all 15 diffusers keys; the project extras
    /// (`previous_timestep_rule`, `variance_kind`) only when they differ from their defaults.
    /// diffusers' `DDIMScheduler.from_config` loads the result.
    ///
    /// ```swift
    /// try DDIMConfiguration().jsonData().write(to: URL(fileURLWithPath: "scheduler_config.json"))
    /// ```
    public func jsonData() throws -> Data {
        Data(jsonText().utf8)
    }

    /// The text of ``jsonData()``.
    public func jsonText() -> String {
        var fields: [String: String] = [
            "_class_name": Self.quoted("DDIMScheduler"),
            "_diffusers_version": Self.quoted(Self.diffusersVersion),
            "num_train_timesteps": "\(numTrainTimesteps)",
            "beta_start": Self.number(betaStart),
            "beta_end": Self.number(betaEnd),
            "beta_schedule": Self.quoted(betaSchedule.rawValue),
            "trained_betas": trainedBetas.map(Self.array) ?? "null",
            "clip_sample": "\(clipSample)",
            "set_alpha_to_one": "\(setAlphaToOne)",
            "steps_offset": "\(stepsOffset)",
            "prediction_type": Self.quoted(predictionType.rawValue),
            "thresholding": "\(thresholding)",
            "dynamic_thresholding_ratio": Self.number(dynamicThresholdingRatio),
            "clip_sample_range": Self.number(clipSampleRange),
            "sample_max_value": Self.number(sampleMaxValue),
            "timestep_spacing": Self.quoted(timestepSpacing.rawValue),
            "rescale_betas_zero_snr": "\(rescaleBetasZeroSnr)",
        ]
        if previousTimestepRule != .diffusers { fields["previous_timestep_rule"] = Self.quoted(previousTimestepRule.rawValue) }
        if varianceKind != .ddim { fields["variance_kind"] = Self.quoted(varianceKind.rawValue) }
        let lines = fields.keys.sorted().map { "  \(Self.quoted($0)): \(fields[$0] ?? "null")" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// A float as Python's `json` writes the same float32 value read back as a double:
    /// the shortest decimal that round-trips, always with a `.` or exponent.
    static func number(_ value: Float) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        return "\(value)"
    }

    static func array(_ values: [Float]) -> String {
        guard !values.isEmpty else { return "[]" }
        return "[\n" + values.map { "    " + number($0) }.joined(separator: ",\n") + "\n  ]"
    }

    /// A JSON string literal escaped as Python's `json.dumps` writes diffusers' configs.
    static func quoted(_ text: String) -> String {
        JSONStringLiteral.quoted(text, asciiOnly: true)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// Typed access to the fields of a configuration object.
private struct FieldReader {
    let fields: [String: JSONValue]

    func integer(_ key: String) throws(DDIMError) -> Int? {
        guard let value = fields[key] else { return nil }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
            throw .wrongJSONType(field: key, expected: "an integer", found: value.kindName)
        }
        return Int(number)
    }

    func float(_ key: String) throws(DDIMError) -> Float? {
        guard let value = fields[key] else { return nil }
        guard case .number(let number) = value else {
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
            guard case .number(let number) = item else {
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
        let value = try JSONDecoder().decode(JSONValue.self, from: jsonData())
        try container.encode(value)
    }
}
