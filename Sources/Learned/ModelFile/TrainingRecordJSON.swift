import Foundation

/// The `training` metadata of a model file: a ``TrainingRecord`` as one line of JSON with its keys
/// in a fixed order, `{"steps":4000,"batch":512,"learning_rate":0.002,"seed":0,"final_loss":0.31,"seconds":38.5}`.
/// `learning_rate` and `final_loss` come from float32 values: they are written as the float's shortest
/// decimal and read back through float32, so a record survives a round trip exactly. A non-finite
/// value is written as `null` and read back as NaN.
enum TrainingRecordJSON {
    /// What a valid value looks like, for errors.
    static let expected = "a JSON object with integer steps, batch and seed and numeric learning_rate, final_loss and seconds"

    static func encode(_ record: TrainingRecord) -> String {
        "{\"steps\":\(record.steps),\"batch\":\(record.batch),\"learning_rate\":\(single(record.learningRate)),"
            + "\"seed\":\(record.seed),\"final_loss\":\(single(record.finalLoss)),\"seconds\":\(double(record.seconds))}"
    }

    static func decode(_ text: String) -> TrainingRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let steps = integer(object["steps"]), let batch = integer(object["batch"]),
              let seedNumber = object["seed"] as? NSNumber, !isBoolOrFraction(seedNumber),
              let learningRate = real(object["learning_rate"]), let finalLoss = real(object["final_loss"]),
              let seconds = real(object["seconds"]) else { return nil }
        return TrainingRecord(steps: steps, batch: batch, learningRate: Double(Float(learningRate)), seed: seedNumber.uint64Value,
                              finalLoss: Double(Float(finalLoss)), seconds: seconds)
    }

    private static func single(_ value: Double) -> String {
        let rounded = Float(value)
        return rounded.isFinite ? "\(rounded)" : "null"
    }

    private static func double(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    private static func isBoolOrFraction(_ number: NSNumber) -> Bool {
        ["c", "d", "f"].contains(String(cString: number.objCType))
    }

    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !isBoolOrFraction(number) else { return nil }
        return number.intValue
    }

    private static func real(_ value: Any?) -> Double? {
        if value is NSNull { return .nan }
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }
}
