import CGIF
import Canvas

/// An animated GIF: frames of palette indices over one palette, shown one after another in a
/// loop, encoded by giflib.
///
/// ```swift
/// var animation = GIFAnimation(palette: [RGBColor(0, 0, 0), RGBColor(255, 90, 90)], frameDelay: 10)
/// animation.frames.append(IndexedImage(width: 320, height: 240))
/// let bytes = try animation.encoded()   // "GIF89a..."
/// ```
public struct GIFAnimation: Sendable {
    /// The colours frames index into (at most 256; padded to a power of two on encoding).
    public var palette: [RGBColor]
    /// The frames, all of the first frame's size.
    public var frames: [IndexedImage]
    /// How long each frame shows, in hundredths of a second.
    public var frameDelay: Int
    /// How long the last frame shows before the loop starts again, in hundredths of a second.
    public var finalDelay: Int

    public init(palette: [RGBColor], frames: [IndexedImage] = [], frameDelay: Int = 10, finalDelay: Int? = nil) {
        self.palette = palette
        self.frames = frames
        self.frameDelay = frameDelay
        self.finalDelay = finalDelay ?? frameDelay
    }

    /// The GIF89a file: a global colour table, a loop-forever (NETSCAPE2.0) block, and per frame
    /// a graphics control block with its delay and the LZW-coded pixels.
    public func encoded() throws(GIFEncodingError) -> [UInt8] {
        guard let first = frames.first else { throw .noFrames }
        guard (1...256).contains(palette.count) else { throw .paletteSize(palette.count) }
        guard first.width <= Int(UInt16.max), first.height <= Int(UInt16.max) else {
            throw .frameTooLarge(width: first.width, height: first.height)
        }
        for (index, frame) in frames.enumerated() where frame.width != first.width || frame.height != first.height {
            throw .frameSizeMismatch(frame: index, width: frame.width, height: frame.height, expected: (first.width, first.height))
        }
        for (index, frame) in frames.enumerated() {
            if let bad = frame.pixels.first(where: { Int($0) >= palette.count }) {
                throw .indexOutsidePalette(frame: index, index: Int(bad), paletteSize: palette.count)
            }
        }
        let sink = ByteSink()
        var status: Int32 = 0
        guard let file = EGifOpen(Unmanaged.passUnretained(sink).toOpaque(), byteSinkWrite, &status) else {
            throw .giflib(status)
        }
        do {
            try write(into: file)
        } catch {
            var ignored: Int32 = 0
            EGifCloseFile(file, &ignored)
            throw error
        }
        guard EGifCloseFile(file, &status) == GIF_OK else { throw .giflib(status) }
        return sink.bytes
    }

    private func write(into file: UnsafeMutablePointer<GifFileType>) throws(GIFEncodingError) {
        let width = Int32(frames[0].width), height = Int32(frames[0].height)
        var tableSize: Int32 = 2
        while tableSize < Int32(palette.count) { tableSize *= 2 }
        var colors = palette.map { GifColorType(Red: $0.red, Green: $0.green, Blue: $0.blue) }
        colors += Array(repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: Int(tableSize) - colors.count)
        guard let map = GifMakeMapObject(tableSize, colors) else { throw .giflib(file.pointee.Error) }
        defer { GifFreeMapObject(map) }
        EGifSetGifVersion(file, true)
        try check(EGifPutScreenDesc(file, width, height, 8, 0, map), file)
        try check(EGifPutExtensionLeader(file, APPLICATION_EXT_FUNC_CODE), file)
        try check(EGifPutExtensionBlock(file, 11, Array("NETSCAPE2.0".utf8)), file)
        try check(EGifPutExtensionBlock(file, 3, [1, 0, 0] as [UInt8]), file)   // sub-block 1: loop count 0 = forever
        try check(EGifPutExtensionTrailer(file), file)
        for (index, frame) in frames.enumerated() {
            var control = GraphicsControlBlock()
            control.DisposalMode = DISPOSAL_UNSPECIFIED
            control.UserInputFlag = false
            control.DelayTime = Int32(min(max(index == frames.count - 1 ? finalDelay : frameDelay, 0), 65_535))
            control.TransparentColor = NO_TRANSPARENT_COLOR
            var extensionBytes = [UInt8](repeating: 0, count: 4)
            let length = EGifGCBToExtension(&control, &extensionBytes)
            try check(EGifPutExtension(file, GRAPHICS_EXT_FUNC_CODE, Int32(length), extensionBytes), file)
            try check(EGifPutImageDesc(file, 0, 0, width, height, false, nil), file)
            var pixels = frame.pixels
            for row in 0..<Int(height) {
                let status = pixels.withUnsafeMutableBufferPointer { buffer in
                    EGifPutLine(file, buffer.baseAddress.map { $0 + row * Int(width) }, width)
                }
                try check(status, file)
            }
        }
    }

    private func check(_ status: Int32, _ file: UnsafeMutablePointer<GifFileType>) throws(GIFEncodingError) {
        if status != GIF_OK { throw .giflib(file.pointee.Error) }
    }
}

/// Collects what giflib writes.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// giflib's output callback: appends to the ``ByteSink`` behind the file's user pointer.
private func byteSinkWrite(_ file: UnsafeMutablePointer<GifFileType>?, _ data: UnsafePointer<GifByteType>?, _ length: Int32) -> Int32 {
    guard let file, let data, length > 0, let user = file.pointee.UserData else { return 0 }
    let sink = Unmanaged<ByteSink>.fromOpaque(user).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return length
}

/// Why a ``GIFAnimation`` could not be encoded.
public enum GIFEncodingError: Error, Equatable, CustomStringConvertible {
    case noFrames
    case paletteSize(Int)
    case frameTooLarge(width: Int, height: Int)
    case frameSizeMismatch(frame: Int, width: Int, height: Int, expected: (Int, Int))
    case indexOutsidePalette(frame: Int, index: Int, paletteSize: Int)
    case giflib(Int32)

    public var description: String {
        switch self {
        case .noFrames: return "a GIF needs at least one frame"
        case .paletteSize(let n): return "a GIF palette holds 1 ... 256 colours, got \(n)"
        case .frameTooLarge(let w, let h): return "a GIF frame is at most 65535 x 65535 pixels, got \(w) x \(h)"
        case .frameSizeMismatch(let frame, let w, let h, let expected):
            return "frame \(frame) is \(w) x \(h) pixels; every frame must be \(expected.0) x \(expected.1) like the first"
        case .indexOutsidePalette(let frame, let index, let size):
            return "frame \(frame) uses colour \(index), but the palette has only \(size) colours"
        case .giflib(let code):
            let reason = GifErrorString(code).map { String(cString: $0) } ?? "unknown error"
            return "giflib error \(code): \(reason)"
        }
    }

    public static func == (lhs: GIFEncodingError, rhs: GIFEncodingError) -> Bool {
        lhs.description == rhs.description
    }
}
