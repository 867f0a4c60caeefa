/// The forward and backward pass of the MLP over one block of rows, on flat parameters
/// (``ParameterLayout``): matrix products through ``MatrixProduct``, bias and GELU fused.
///
/// Each block is computed the same way whichever thread runs it, so results do not depend on
/// the number of threads.
///
/// ```swift
/// NetworkPass.forward(rows: 256, parameters: p, layout: layout, workspace: w, output: out, storesSlopes: false)
/// ```
enum NetworkPass {
    /// Runs the network on the first `rows` input rows of `workspace.input` and writes the
    /// rows x 2 result to `output`. With `storesSlopes`, GELU's slopes are kept for ``backward``.
    static func forward(rows: Int, parameters: UnsafePointer<Float>, layout: ParameterLayout,
                        workspace: BlockWorkspace, output: UnsafeMutablePointer<Float>, storesSlopes: Bool) {
        var source = UnsafePointer(workspace.input)
        let last = layout.layerCount - 1
        for layer in 0...last {
            let shape = layout.shapes[layer]
            let weight = parameters + layout.weightOffsets[layer], bias = parameters + layout.biasOffsets[layer]
            let destination = layer == last ? output : workspace.activations[layer]
            MatrixProduct.multiply(source, rows: rows, inner: shape.inputs, weight, .transposed, columns: shape.outputs,
                                   into: destination)
            if layer == last {
                for row in 0..<rows {
                    for j in 0..<shape.outputs { destination[row * shape.outputs + j] += bias[j] }
                }
            } else {
                GELU.applyWithBias(destination, bias: bias, rows: rows, width: shape.outputs,
                                   slopes: storesSlopes ? workspace.slopes[layer] : nil)
                source = UnsafePointer(destination)
            }
        }
    }

    /// Back-propagates d loss / d output (rows x 2, in `workspace.deltas.0`) through the network
    /// after a ``forward(rows:parameters:layout:workspace:output:storesSlopes:)`` with slopes,
    /// writing this block's gradient to `workspace.gradient` (overwritten, not accumulated).
    static func backward(rows: Int, parameters: UnsafePointer<Float>, layout: ParameterLayout, workspace: BlockWorkspace) {
        var delta = workspace.deltas.0, spare = workspace.deltas.1
        let gradient = workspace.gradient
        for layer in stride(from: layout.layerCount - 1, through: 0, by: -1) {
            let shape = layout.shapes[layer]
            let source = layer == 0 ? UnsafePointer(workspace.input) : UnsafePointer(workspace.activations[layer - 1])
            // dW = delta^T source: [outputs, inputs].
            MatrixProduct.multiply(delta, .transposed, rows: shape.outputs, inner: rows, source, columns: shape.inputs,
                                   into: gradient + layout.weightOffsets[layer])
            // db = column sums of delta.
            let biasGradient = gradient + layout.biasOffsets[layer]
            biasGradient.update(repeating: 0, count: shape.outputs)
            for row in 0..<rows {
                let line = delta + row * shape.outputs
                for j in 0..<shape.outputs { biasGradient[j] += line[j] }
            }
            guard layer > 0 else { break }
            // d activation = delta W: [rows, inputs]; then through GELU's slope.
            MatrixProduct.multiply(delta, rows: rows, inner: shape.outputs, parameters + layout.weightOffsets[layer],
                                   columns: shape.inputs, into: spare)
            let slopes = workspace.slopes[layer - 1]
            for i in 0..<(rows * shape.inputs) { spare[i] *= slopes[i] }
            swap(&delta, &spare)
        }
    }
}
