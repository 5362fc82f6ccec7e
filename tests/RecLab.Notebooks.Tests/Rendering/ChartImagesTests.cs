using RecLab.Notebooks.Rendering;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RecLab.Notebooks.Tests.Rendering;

public sealed class ChartImagesTests
{
    /// <summary>What Chromium hands back: an RGBA PNG of flat areas, a grid and an anti-aliased ramp.</summary>
    private static byte[] ChartLikePng()
    {
        using var image = new Image<Rgba32>(300, 200, new Rgba32(255, 255, 255, 255));
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (x % 50 == 0 || y % 40 == 0)
                    image[x, y] = new Rgba32(229, 236, 246, 255);
                else if (x > 40 && x < 90 && y > 60)
                    image[x, y] = new Rgba32(99, 110, 250, 255);
                else if (y > 150)
                    image[x, y] = new Rgba32((byte)(x * 255 / 299), 80, (byte)(255 - x * 255 / 299), 255);
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_chart_image_becomes_a_smaller_palette_png_that_looks_the_same_and_is_the_same_every_time()
    {
        var rgba = ChartLikePng();

        var compact = ChartImages.Compact(rgba);

        Assert.Equal(3, compact[25]); // IHDR colour type: palette
        Assert.True(compact.Length < rgba.Length, $"{compact.Length} bytes from {rgba.Length}");
        Assert.Equal(compact, ChartImages.Compact(rgba));
        using var before = Image.Load<Rgb24>(rgba);
        using var after = Image.Load<Rgb24>(compact);
        var worst = 0;
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                var (a, b) = (before[x, y], after[x, y]);
                worst = Math.Max(worst, Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B))));
            }
        }

        // The flat colours exactly; the 300-step ramp within a few levels of 256.
        Assert.Equal(new Rgb24(99, 110, 250), after[60, 100]);
        Assert.Equal(new Rgb24(255, 255, 255), after[10, 10]);
        Assert.InRange(worst, 0, 8);
    }
}
