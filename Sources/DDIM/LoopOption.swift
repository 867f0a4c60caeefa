/// An option of the element loop fixed at compile time, so each setting gets its own loop.
protocol LoopOption { static var isOn: Bool { get } }
