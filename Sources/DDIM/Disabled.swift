/// The ``LoopOption`` that is off.
enum Disabled: LoopOption { static var isOn: Bool { false } }
