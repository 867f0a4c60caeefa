/// A picture of palette indices, row-major, y pointing down: the raster a GIF frame is made of.
///
/// Drawing outside the picture is ignored, so callers can plot points that fall off the edge.
///
/// ```swift
/// var image = IndexedImage(width: 64, height: 48, fill: 0)
/// image[10, 5] = 3               // pixel (x 10, y 5) takes palette entry 3
/// image.fillDisc(x: 20, y: 20, radius: 2, index: 4)
/// ```
public struct IndexedImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width * height` palette indices, row by row from the top.
    public private(set) var pixels: [UInt8]

    /// A picture of `width` x `height` pixels (each at least 1), every pixel `fill`.
    public init(width: Int, height: Int, fill: UInt8 = 0) {
        self.width = max(1, width)
        self.height = max(1, height)
        pixels = [UInt8](repeating: fill, count: self.width * self.height)
    }

    /// The palette index at (`x`, `y`); 0 outside the picture. Setting outside does nothing.
    public subscript(x: Int, y: Int) -> UInt8 {
        get { contains(x: x, y: y) ? pixels[y * width + x] : 0 }
        set { if contains(x: x, y: y) { pixels[y * width + x] = newValue } }
    }

    /// Whether (`x`, `y`) is a pixel of the picture.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// How many pixels hold `index`.
    public func count(of index: UInt8) -> Int {
        pixels.reduce(0) { $0 + ($1 == index ? 1 : 0) }
    }
}
