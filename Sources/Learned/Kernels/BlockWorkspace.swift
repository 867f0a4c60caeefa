/// The buffers one block of rows needs for a forward pass (and, for training, a backward pass),
/// allocated once and reused for every block and every training step.
///
/// ```swift
/// let workspace = BlockWorkspace(layout: layout, rows: 256, features: features, training: true)
/// ```
final class BlockWorkspace {
    /// The most rows a block may hold.
    let capacity: Int
    /// Input rows, capacity x input width.
    let input: UnsafeMutablePointer<Float>
    /// The hidden activations after GELU, one capacity x H buffer per hidden layer.
    let activations: [UnsafeMutablePointer<Float>]
    /// gelu'(pre-activation) per hidden layer (training only; empty otherwise).
    let slopes: [UnsafeMutablePointer<Float>]
    /// The network's output, capacity x 2 (training), or unused.
    let output: UnsafeMutablePointer<Float>
    /// Scratch for the input embeddings.
    let featureScratch: UnsafeMutablePointer<Float>
    /// Two capacity x widest buffers for the backward pass (training only).
    let deltas: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
    /// This block's share of the gradient, in the parameter layout (training only).
    let gradient: UnsafeMutablePointer<Float>
    /// Timesteps of the block's rows.
    let timesteps: UnsafeMutablePointer<Int32>
    /// Points (pairs) and targets (pairs) of the block's rows (training only).
    let points: UnsafeMutablePointer<Float>
    let targets: UnsafeMutablePointer<Float>

    private let storage: UnsafeMutablePointer<Float>
    private let storageCount: Int

    init(layout: ParameterLayout, rows: Int, features: InputFeatures, training: Bool) {
        capacity = max(1, rows)
        let hiddenLayers = layout.layerCount - 1
        let width = max(layout.widestOutput, 2)
        var sizes = [capacity * max(layout.inputWidth, 1)]
        sizes += Array(repeating: capacity * width, count: hiddenLayers)
        sizes += Array(repeating: capacity * width, count: training ? hiddenLayers : 0)
        sizes += [capacity * 2, features.scratchCount(rows: capacity)]
        sizes += training ? [capacity * width, capacity * width, layout.count, 2 * capacity, 2 * capacity] : [0, 0, 0, 0, 0]
        storageCount = sizes.reduce(0, +)
        storage = .allocate(capacity: storageCount)
        storage.initialize(repeating: 0, count: storageCount)
        var offsets = [Int](), offset = 0
        for size in sizes {
            offsets.append(offset)
            offset += size
        }
        let base = storage
        input = base + offsets[0]
        activations = (0..<hiddenLayers).map { base + offsets[1 + $0] }
        slopes = training ? (0..<hiddenLayers).map { base + offsets[1 + hiddenLayers + $0] } : []
        var next = 1 + hiddenLayers + (training ? hiddenLayers : 0)
        output = base + offsets[next]
        featureScratch = base + offsets[next + 1]
        next += 2
        deltas = (base + offsets[next], base + offsets[next + 1])
        gradient = base + offsets[next + 2]
        points = base + offsets[next + 3]
        targets = base + offsets[next + 4]
        timesteps = .allocate(capacity: capacity)
        timesteps.initialize(repeating: 0, count: capacity)
    }

    deinit {
        storage.deinitialize(count: storageCount)
        storage.deallocate()
        timesteps.deinitialize(count: capacity)
        timesteps.deallocate()
    }
}
