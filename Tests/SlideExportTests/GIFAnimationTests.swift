import Canvas
import Testing
@testable import SlideExport

@Suite struct GIFAnimationTests {
    static let palette = [RGBColor(0, 0, 0), RGBColor(255, 0, 0), RGBColor(0, 255, 0)]

    static func checkerboard(width: Int, height: Int, shift: Int) -> IndexedImage {
        var image = IndexedImage(width: width, height: height)
        for y in 0..<height { for x in 0..<width { image[x, y] = UInt8((x + y + shift) % 3) } }
        return image
    }

    @Test func framesPixelsDelaysAndLoopSurviveARoundTripThroughGiflib() throws {
        let frames = (0..<4).map { Self.checkerboard(width: 37, height: 23, shift: $0) }
        let animation = GIFAnimation(palette: Self.palette, frames: frames, frameDelay: 7, finalDelay: 120)
        let bytes = try animation.encoded()
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        let decoded = try #require(DecodedGIF(bytes: bytes))
        #expect(decoded.width == 37 && decoded.height == 23)
        #expect(decoded.frames == frames.map(\.pixels))
        #expect(decoded.delays == [7, 7, 7, 120])
        #expect(decoded.loopsForever)
        #expect(decoded.palette.count == 4)   // three colours padded to a power of two
        #expect(decoded.palette[1] == (255, 0, 0))
    }

    @Test func badAnimationsAreErrorsThatSayWhatIsWrong() {
        #expect(throws: GIFEncodingError.noFrames) { try GIFAnimation(palette: Self.palette).encoded() }
        let mixed = GIFAnimation(palette: Self.palette, frames: [IndexedImage(width: 4, height: 4), IndexedImage(width: 5, height: 4)])
        #expect(throws: GIFEncodingError.frameSizeMismatch(frame: 1, width: 5, height: 4, expected: (4, 4))) { try mixed.encoded() }
        let outside = GIFAnimation(palette: Self.palette, frames: [IndexedImage(width: 4, height: 4, fill: 7)])
        let error = #expect(throws: GIFEncodingError.self) { try outside.encoded() }
        #expect(error?.description == "frame 0 uses colour 7, but the palette has only 3 colours")
        let tooMany = GIFAnimation(palette: Array(repeating: RGBColor(1, 2, 3), count: 257), frames: [IndexedImage(width: 1, height: 1)])
        #expect(throws: GIFEncodingError.paletteSize(257)) { try tooMany.encoded() }
    }
}
