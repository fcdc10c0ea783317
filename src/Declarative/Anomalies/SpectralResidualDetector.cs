using System.Numerics;

namespace Declarative.Anomalies;

/// <summary>
/// Spectral residual (Ren et al. 2019, the saliency step of Microsoft's SR-CNN, without the CNN): the trailing window,
/// extended by a few estimated points, goes through a Fourier transform; its log amplitude minus that amplitude's local
/// average, put back with the original phase, is the saliency map. The newest point's saliency against the mean of
/// the saliencies before it in the same map is its score, as r / (1 + r).
/// </summary>
internal sealed class SpectralResidualDetector(int window = 64, int estimated = 5, int average = 3, int local = 21) : ISeriesDetector
{
    private readonly Queue<double> _values = new(window);
    private readonly Complex[] _roots = Enumerable.Range(0, window + estimated).Select(j => Complex.FromPolarCoordinates(1, -2 * Math.PI * j / (window + estimated))).ToArray();

    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        if (_values.Count == window)
        {
            _values.Dequeue();
        }

        _values.Enqueue(value);
        if (_values.Count < window)
        {
            return 0;
        }

        // The newest point's saliency against the mean saliency of the points before it in the same map.
        var map = Saliency([.. _values]);
        var saliency = map[window - 1];
        var mean = 0.0;
        for (var i = window - 1 - local; i < window - 1; i++)
        {
            mean += map[i];
        }

        mean /= local;
        if (mean <= 0)
        {
            return 0;
        }

        var ratio = Math.Max(0, (saliency - mean) / mean);
        return ratio / (1 + ratio);
    }

    /// <summary>The saliency map of <paramref name="x"/>'s points.</summary>
    private double[] Saliency(double[] x)
    {
        // The paper's extension: the next points estimated from the mean gradient of the last ones, so the newest real
        // point is not at the window's edge.
        var n = x.Length;
        var last = x[n - 1];
        var gradient = 0.0;
        for (var i = 1; i < Math.Min(estimated + 1, n); i++)
        {
            gradient += (last - x[n - 1 - i]) / i;
        }

        gradient /= Math.Max(1, Math.Min(estimated, n - 1));
        var m = n + estimated;
        var signal = new Complex[m];
        for (var i = 0; i < m; i++)
        {
            signal[i] = i < n ? x[i] : x[n - Math.Min(estimated, n - 1)] + (gradient * estimated);
        }

        var spectrum = Dft(signal, inverse: false);
        var logAmplitude = spectrum.Select(c => Math.Log(Math.Max(c.Magnitude, 1e-12))).ToArray();
        for (var k = 0; k < m; k++)
        {
            var from = Math.Max(0, k - (average / 2));
            var to = Math.Min(m - 1, k + (average / 2));
            var smooth = 0.0;
            for (var j = from; j <= to; j++)
            {
                smooth += logAmplitude[j];
            }

            var residual = logAmplitude[k] - (smooth / (to - from + 1));
            var magnitude = spectrum[k].Magnitude;
            spectrum[k] = magnitude > 1e-12 ? spectrum[k] / magnitude * Math.Exp(residual) : Complex.Zero;
        }

        return Dft(spectrum, inverse: true).Take(n).Select(c => c.Magnitude).ToArray();
    }

    /// <summary>A direct Fourier transform over the window's precomputed roots: the windows are short, and it needs no dependency.</summary>
    private Complex[] Dft(Complex[] input, bool inverse)
    {
        var m = input.Length;
        var output = new Complex[m];
        for (var k = 0; k < m; k++)
        {
            var sum = Complex.Zero;
            for (var t = 0; t < m; t++)
            {
                var root = _roots[k * t % m];
                sum += input[t] * (inverse ? Complex.Conjugate(root) : root);
            }

            output[k] = inverse ? sum / m : sum;
        }

        return output;
    }
}
