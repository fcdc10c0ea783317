using SkiaSharp;

namespace Declarative.Vision;

/// <summary>
/// Decodes a JPEG or PNG file into the square of RGBA pixels a network reads: EXIF orientation applied, transparency
/// over white, the shorter side scaled to the square's side and the centre kept (the usual ImageNet evaluation crop).
/// </summary>
internal static class ImageDecoder
{
    /// <summary>The most pixels decoded from one image (a 64-megapixel photo): a file that claims more is refused, not allocated.</summary>
    private const long MaxPixels = 64L * 1000 * 1000;

    public static byte[] CenterSquare(ReadOnlySpan<byte> encoded, int side)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException("its bytes are not an image format Declarative reads (JPEG or PNG).");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            throw new InvalidDataException($"it is a {codec.EncodedFormat} image; Declarative reads JPEG and PNG.");
        }

        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new InvalidDataException($"it is {info.Width}x{info.Height} pixels, above the {MaxPixels / 1_000_000} megapixels read.");
        }

        // A JPEG decodes at 1/2, 1/4 or 1/8 of its size natively: the smallest that still covers the square.
        var scale = Math.Max((float)side / Math.Min(info.Width, info.Height), 0.125f);
        var size = scale < 1 ? codec.GetScaledDimensions(scale) : new SKSizeI(info.Width, info.Height);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"it could not be decoded ({result}).");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var crop = Math.Min(upright.Width, upright.Height);
        var source = SKRect.Create((upright.Width - crop) / 2f, (upright.Height - crop) / 2f, crop, crop);
        using var square = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(square))
        using (var image = SKImage.FromBitmap(upright))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, source, SKRect.Create(side, side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        return square.GetPixelSpan().ToArray();
    }

    /// <summary>A square of RGBA pixels (as <see cref="CenterSquare"/> gives them) as a PNG file.</summary>
    public static byte[] Png(byte[] pixels, int side)
    {
        using var image = SKImage.FromPixelCopy(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul), pixels);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The image as a viewer shows it: EXIF's eight orientations are mirrors and quarter turns of the stored pixels.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap.Copy();
        }

        float w = bitmap.Width, h = bitmap.Height;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var result = new SKBitmap(new SKImageInfo(turned ? bitmap.Height : bitmap.Width, turned ? bitmap.Width : bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
        return result;
    }
}
