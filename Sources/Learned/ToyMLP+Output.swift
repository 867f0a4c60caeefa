import DDIM

extension ToyMLP {
    /// Rows per block of a batched evaluation (each block's activations stay in the caches).
    static let inferenceBlockRows = 512

    /// The network's output for every row of `sample` at one timestep, in blocks of rows on up to
    /// `threads` threads (the result does not depend on `threads`).
    ///
    /// With one timestep the time embedding is the same for every row, so its contribution to the
    /// first layer is folded into that layer's bias once per call (computed in double precision).
    /// Rows must be 2-D: a sample of any other dimension gives NaN in the sample's shape.
    ///
    /// ```swift
    /// let prediction = net.output(for: noisyPoints, timestep: 500)
    /// ```
    public func output(for sample: SampleBatch, timestep: Int, threads: Int = 0) -> SampleBatch {
        guard sample.dimension == 2 else { return Self.notANumber(like: sample) }
        let (layout, parameters) = foldedParameters(timestep: timestep)
        let features = InputFeatures(architecture: architecture)
        var result = [Float](repeating: 0, count: sample.count * 2)
        sample.values.withUnsafeBufferPointer { points in
            result.withUnsafeMutableBufferPointer { out in
                parameters.withUnsafeBufferPointer { p in
                    guard let points = points.baseAddress, let out = out.baseAddress, let p = p.baseAddress else { return }
                    Self.evaluate(points: points, rows: sample.count, timesteps: nil, output: out, parameters: p,
                                  layout: layout, features: features, threads: threads)
                }
            }
        }
        return SampleBatch(count: sample.count, dimension: 2, values: result)
    }

    /// The network's output with one timestep per row (as in training). Throws unless
    /// `timesteps.count == sample.count`; rows must be 2-D (otherwise NaN, as above).
    ///
    /// ```swift
    /// let outputs = try net.output(for: points, timesteps: [10, 500, 999])
    /// ```
    public func output(for sample: SampleBatch, timesteps: [Int], threads: Int = 0) throws(ToyMLPError) -> SampleBatch {
        guard timesteps.count == sample.count else { throw .timestepCount(count: timesteps.count, rows: sample.count) }
        guard sample.dimension == 2 else { return Self.notANumber(like: sample) }
        let layout = ParameterLayout(shapes: architecture.layerShapes)
        let parameters = ParameterLayout.flatten(layers)
        let features = InputFeatures(architecture: architecture)
        let steps = timesteps.map { Int32(clamping: $0) }
        var result = [Float](repeating: 0, count: sample.count * 2)
        sample.values.withUnsafeBufferPointer { points in
            result.withUnsafeMutableBufferPointer { out in
                parameters.withUnsafeBufferPointer { p in
                    steps.withUnsafeBufferPointer { t in
                        guard let points = points.baseAddress, let out = out.baseAddress, let p = p.baseAddress,
                              let t = t.baseAddress else { return }
                        Self.evaluate(points: points, rows: sample.count, timesteps: t, output: out, parameters: p,
                                      layout: layout, features: features, threads: threads)
                    }
                }
            }
        }
        return SampleBatch(count: sample.count, dimension: 2, values: result)
    }

    /// The parameters with the first layer reduced to the spatial inputs and the time embedding
    /// of `timestep` folded into its bias.
    func foldedParameters(timestep: Int) -> (ParameterLayout, [Float]) {
        let spatial = architecture.spatialWidth, first = layers[0]
        let embedding = InputFeatures(architecture: architecture).timeEmbedding(timestep: timestep)
        var weight = [Float](), bias = first.bias
        weight.reserveCapacity(first.outputs * spatial)
        for o in 0..<first.outputs {
            let row = first.weight[(o * first.inputs)..<((o + 1) * first.inputs)]
            weight += row.prefix(spatial)
            var sum = Double(bias[o])
            for (w, e) in zip(row.dropFirst(spatial), embedding) { sum += Double(w) * Double(e) }
            bias[o] = Float(sum)
        }
        let folded = [DenseLayer(inputs: spatial, outputs: first.outputs, weight: weight, bias: bias)] + layers.dropFirst()
        return (ParameterLayout(shapes: folded.map { ($0.inputs, $0.outputs) }), ParameterLayout.flatten(folded))
    }

    /// Evaluates `rows` points in blocks; `timesteps` nil means the time embedding is folded
    /// into `parameters` (input rows are spatial only).
    static func evaluate(points: UnsafePointer<Float>, rows: Int, timesteps: UnsafePointer<Int32>?,
                         output: UnsafeMutablePointer<Float>, parameters: UnsafePointer<Float>, layout: ParameterLayout,
                         features: InputFeatures, threads: Int) {
        BLASThreading.useOneThreadPerProduct()
        let blockRows = inferenceBlockRows
        let blocks = (rows + blockRows - 1) / blockRows
        let workers = max(1, min(threads > 0 ? threads : BlockRunner.defaultThreads, blocks))
        let workspaces = (0..<workers).map { _ in
            BlockWorkspace(layout: layout, rows: min(blockRows, rows), features: features, training: false)
        }
        nonisolated(unsafe) let output = output
        BlockRunner.run(blocks: blocks, threads: workers) { worker, block in
            let workspace = workspaces[worker]
            let start = block * blockRows, count = min(blockRows, rows - start)
            let stride = layout.inputWidth
            features.writeSpatial(points: points + 2 * start, rows: count, into: workspace.input, stride: stride,
                                  scratch: workspace.featureScratch)
            if let timesteps {
                features.writeTimeEmbedding(timesteps: timesteps + start, rows: count, into: workspace.input, stride: stride,
                                            offset: features.spatialWidth, scratch: workspace.featureScratch)
            }
            NetworkPass.forward(rows: count, parameters: parameters, layout: layout, workspace: workspace,
                                output: output + 2 * start, storesSlopes: false)
        }
    }

    static func notANumber(like sample: SampleBatch) -> SampleBatch {
        SampleBatch(count: sample.count, dimension: sample.dimension,
                    values: [Float](repeating: .nan, count: sample.values.count))
    }
}
