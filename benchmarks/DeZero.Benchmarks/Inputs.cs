using System;

namespace DeZero.Benchmarks;

/// <summary>Deterministic inputs shared by the cases, so every run measures the same numbers.</summary>
internal static class Inputs
{
    /// <summary>How many inputs a nanosecond-scale benchmark loops over (its <c>OperationsPerInvoke</c>).</summary>
    public const int Count = 1024;

    /// <summary><paramref name="count"/> values spread uniformly over [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public static double[] Uniform(int count, double lo, double hi, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = lo + ((hi - lo) * random.NextDouble());
        }

        return values;
    }
}
