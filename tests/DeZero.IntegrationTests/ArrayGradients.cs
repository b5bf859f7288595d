using System;
using System.Globalization;
using System.Linq;
using Xunit.Sdk;

namespace DeZero.IntegrationTests;

/// <summary>
/// The three oracles for methods of arrays: a gradient written by hand, central differences of the user's own method,
/// and the value, which must be bit for bit the method's. Parameters are flattened into one vector.
/// </summary>
internal static class ArrayGradients
{
    /// <param name="name">The method, for messages.</param>
    /// <param name="f">The user's method, of the flattened parameters.</param>
    /// <param name="withGradient">The generated value and gradient, flattened the same way.</param>
    /// <param name="closedForm">The gradient derived by hand, or null where central differences are the only reference.</param>
    /// <param name="points">The points to check at.</param>
    public static void Check(
        string name,
        Func<double[], double> f,
        Func<double[], (double Value, double[] Gradient)> withGradient,
        Func<double[], double[]>? closedForm,
        params double[][] points)
    {
        foreach (var point in points)
        {
            var at = $"{name}({string.Join(", ", point.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))})";
            var (value, gradient) = withGradient(point);
            var expected = f(point);
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(value))
            {
                throw new XunitException($"{at}: value {value:R}, the method gives {expected:R}");
            }

            if (gradient.Length != point.Length)
            {
                throw new XunitException($"{at}: {gradient.Length} partials for {point.Length} parameters");
            }

            var closed = closedForm?.Invoke(point);
            for (var i = 0; i < point.Length; i++)
            {
                if (closed is not null)
                {
                    Close(closed[i], gradient[i], Gradients.ClosedFormTolerance, $"{at} ∂{i} against the closed form");
                }

                Close(Central(f, point, i), gradient[i], Gradients.NumericalTolerance, $"{at} ∂{i} against central differences");
            }
        }
    }

    /// <summary>A random point of <paramref name="length"/> values in [low, high), the same each run.</summary>
    public static double[] Point(int seed, int length, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => low + ((high - low) * random.NextDouble())).ToArray();
    }

    public static double Central(Func<double[], double> f, double[] point, int i)
    {
        var h = 1e-6 * Math.Max(1, Math.Abs(point[i]));
        var up = (double[])point.Clone();
        var down = (double[])point.Clone();
        up[i] += h;
        down[i] -= h;
        return (f(up) - f(down)) / (up[i] - down[i]);
    }

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected) + Math.Abs(actual)))
        {
            return;
        }

        throw new XunitException($"{what}: expected {expected:R}, got {actual:R}");
    }
}
