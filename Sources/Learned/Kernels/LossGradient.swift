import DDIM

/// The mean squared error of a network on given rows and its gradient with respect to every
/// parameter, in one block: the same forward and backward pass a training step runs, exposed for
/// gradient checks and diagnostics.
///
/// ```swift
/// let (loss, gradient) = LossGradient.evaluate(net, points: xt, timesteps: ts, targets: eps)
/// ```
enum LossGradient {
    /// Loss = mean over all values of (output - target)^2; the gradient is flat in the
    /// ``ParameterLayout`` order. `points` must be 2-D with one timestep and two targets per row.
    static func evaluate(_ network: ToyMLP, points: SampleBatch, timesteps: [Int], targets: [Float]) -> (loss: Float, gradient: [Float]) {
        BLASThreading.useOneThreadPerProduct()
        let layout = ParameterLayout(shapes: network.architecture.layerShapes)
        let features = InputFeatures(architecture: network.architecture)
        let rows = points.count
        let workspace = BlockWorkspace(layout: layout, rows: rows, features: features, training: true)
        let parameters = ParameterLayout.flatten(network.layers)
        for row in 0..<rows {
            workspace.timesteps[row] = Int32(clamping: timesteps[row])
            workspace.points[2 * row] = points[row, 0]
            workspace.points[2 * row + 1] = points[row, 1]
        }
        let width = layout.inputWidth
        features.writeSpatial(points: workspace.points, rows: rows, into: workspace.input, stride: width,
                              scratch: workspace.featureScratch)
        features.writeTimeEmbedding(timesteps: workspace.timesteps, rows: rows, into: workspace.input, stride: width,
                                    offset: features.spatialWidth, scratch: workspace.featureScratch)
        var loss: Float = 0
        parameters.withUnsafeBufferPointer { p in
            guard let p = p.baseAddress else { return }
            NetworkPass.forward(rows: rows, parameters: p, layout: layout, workspace: workspace, output: workspace.output,
                                storesSlopes: true)
            let scale = 2 / Float(2 * rows)
            for i in 0..<(2 * rows) {
                let error = workspace.output[i] - targets[i]
                loss += error * error
                workspace.deltas.0[i] = scale * error
            }
            NetworkPass.backward(rows: rows, parameters: p, layout: layout, workspace: workspace)
        }
        return (loss / Float(2 * rows), Array(UnsafeBufferPointer(start: workspace.gradient, count: layout.count)))
    }
}
