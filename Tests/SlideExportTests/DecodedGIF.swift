import CGIF

/// A GIF read back with giflib's decoder: the checks of the exports decode what they wrote.
struct DecodedGIF {
    var width: Int
    var height: Int
    var palette: [(UInt8, UInt8, UInt8)]
    /// Palette indices of every frame.
    var frames: [[UInt8]]
    /// Each frame's delay in hundredths of a second (nil when it has no graphics control block).
    var delays: [Int?]
    var loopsForever: Bool

    init?(bytes: [UInt8]) {
        let source = ByteSource(bytes: bytes)
        var status: Int32 = 0
        guard let file = DGifOpen(Unmanaged.passUnretained(source).toOpaque(), byteSourceRead, &status) else { return nil }
        defer { var ignored: Int32 = 0; DGifCloseFile(file, &ignored) }
        guard DGifSlurp(file) == GIF_OK else { return nil }
        let gif = file.pointee
        width = Int(gif.SWidth)
        height = Int(gif.SHeight)
        palette = []
        if let map = gif.SColorMap {
            for i in 0..<Int(map.pointee.ColorCount) {
                let c = map.pointee.Colors[i]
                palette.append((c.Red, c.Green, c.Blue))
            }
        }
        frames = []
        delays = []
        loopsForever = false
        for i in 0..<Int(gif.ImageCount) {
            let image = gif.SavedImages[i]
            let count = Int(image.ImageDesc.Width) * Int(image.ImageDesc.Height)
            frames.append(Array(UnsafeBufferPointer(start: image.RasterBits, count: count)))
            var control = GraphicsControlBlock()
            delays.append(DGifSavedExtensionToGCB(file, Int32(i), &control) == GIF_OK ? Int(control.DelayTime) : nil)
            for e in 0..<Int(image.ExtensionBlockCount) {
                let block = image.ExtensionBlocks[e]
                if block.Function == APPLICATION_EXT_FUNC_CODE, block.ByteCount == 11,
                   String(decoding: UnsafeBufferPointer(start: block.Bytes, count: 11), as: UTF8.self) == "NETSCAPE2.0" {
                    loopsForever = true
                }
            }
        }
    }
}

private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0
    init(bytes: [UInt8]) { self.bytes = bytes }
}

private func byteSourceRead(_ file: UnsafeMutablePointer<GifFileType>?, _ buffer: UnsafeMutablePointer<GifByteType>?, _ length: Int32) -> Int32 {
    guard let file, let buffer, let user = file.pointee.UserData else { return 0 }
    let source = Unmanaged<ByteSource>.fromOpaque(user).takeUnretainedValue()
    let n = min(Int(length), source.bytes.count - source.offset)
    guard n > 0 else { return 0 }
    source.bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + source.offset, count: n) }
    source.offset += n
    return Int32(n)
}
