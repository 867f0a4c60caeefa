/// The ``LoopOption`` that is on.
enum Enabled: LoopOption { static var isOn: Bool { true } }
