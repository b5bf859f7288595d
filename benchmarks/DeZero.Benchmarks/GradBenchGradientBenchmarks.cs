using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using DeZero.GradBench.Evals;

namespace DeZero.Benchmarks;

// GradBench's evals at its default sizes: the gradient by the generated …WithGradient (reverse mode, written into arrays
// allocated once) against one evaluation of the primal, the plain C# method the tool answers GradBench's primal with
// (tools/DeZero.GradBench/Evals, compiled into this project as links). Targets (issue 12): gradient over primal at most
// 3.0 for gmm and det, 1.5 for lse and llsq; allocation per gradient at most twice the primal's.

/// <summary>gmm: the log posterior of a Gaussian mixture with a Wishart prior; gradient in alpha, mu, q and l.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class GmmGradientBenchmarks
{
    private double[] _alpha = [], _mu = [], _q = [], _l = [], _x = [];
    private double[] _dAlpha = [], _dMu = [], _dQ = [], _dL = [];

    /// <summary>GradBench's default sizes.</summary>
    public static IEnumerable<GmmSize> Sizes => [new(2, 5, 1000), new(10, 25, 1000), new(20, 50, 1000)];

    /// <summary>The size measured.</summary>
    [ParamsSource(nameof(Sizes))]
    public GmmSize Size { get; set; } = new(2, 5, 1000);

    /// <summary>GradBench's distributions: alpha, q, l and x standard normal, mu uniform on [0, 1); m = 0, gamma = 1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (d, k, n) = (Size.D, Size.K, Size.N);
        var random = new Random(12);
        _alpha = GradBenchData.Normal(random, k);
        _mu = GradBenchData.Uniform(random, k * d);
        _q = GradBenchData.Normal(random, k * d);
        _l = GradBenchData.Normal(random, k * d * (d - 1) / 2);
        _x = GradBenchData.Normal(random, n * d);
        (_dAlpha, _dMu, _dQ, _dL) = (new double[_alpha.Length], new double[_mu.Length], new double[_q.Length], new double[_l.Length]);
        GradBenchData.SameValue(Primal(), Gradient());
    }

    /// <summary>One evaluation of the objective.</summary>
    [Benchmark(Baseline = true)]
    public double Primal() => Gmm.Objective(_alpha, _mu, _q, _l, _x, Size.D, Size.K, Size.N, 1.0, 0);

    /// <summary>The objective and its gradient in alpha, mu, q and l.</summary>
    [Benchmark]
    public double Gradient() =>
        Gmm.ObjectiveWithGradient(_alpha, _mu, _q, _l, _x, Size.D, Size.K, Size.N, 1.0, 0, _dAlpha, _dMu, _dQ, _dL);
}

/// <summary>A GMM workload's dimensions: d, the number of components k, the number of points n.</summary>
public sealed record GmmSize(int D, int K, int N)
{
    /// <inheritdoc/>
    public override string ToString() => $"d={D},k={K},n={N}";
}

/// <summary>lse: LogSumExp of 100,000 values, the maximum shifted out.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LseGradientBenchmarks
{
    private double[] _x = [], _dX = [];

    /// <summary>GradBench's default: 100,000 values uniform on [0, 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = GradBenchData.Uniform(new Random(13), 100_000);
        _dX = new double[_x.Length];
        GradBenchData.SameValue(Primal(), Gradient());
    }

    /// <summary>One evaluation.</summary>
    [Benchmark(Baseline = true)]
    public double Primal() => Lse.LogSumExp(_x);

    /// <summary>The value and the gradient.</summary>
    [Benchmark]
    public double Gradient() => Lse.LogSumExpWithGradient(_x, _dX);
}

/// <summary>llsq: linear least squares of a polynomial of 128 coefficients over 1,024 points.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LlsqGradientBenchmarks
{
    private double[] _x = [], _dX = [];

    /// <summary>GradBench's default: m = 128 coefficients uniform on [0, 1), n = 1,024 points.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = GradBenchData.Uniform(new Random(14), 128);
        _dX = new double[_x.Length];
        GradBenchData.SameValue(Primal(), Gradient());
    }

    /// <summary>One evaluation.</summary>
    [Benchmark(Baseline = true)]
    public double Primal() => Llsq.Objective(_x, 1024);

    /// <summary>The value and the gradient.</summary>
    [Benchmark]
    public double Gradient() => Llsq.ObjectiveWithGradient(_x, 1024, _dX);
}

/// <summary>det: the determinant of an 8 × 8 matrix by expansion in minors.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DetGradientBenchmarks
{
    private double[] _a = [], _dA = [];

    /// <summary>GradBench's default: ell = 8, entries uniform on [0, 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _a = GradBenchData.Uniform(new Random(15), 64);
        _dA = new double[_a.Length];
        GradBenchData.SameValue(Primal(), Gradient());
    }

    /// <summary>One evaluation.</summary>
    [Benchmark(Baseline = true)]
    public double Primal() => Det.Determinant(_a, 8);

    /// <summary>The value and the gradient.</summary>
    [Benchmark]
    public double Gradient() => Det.DeterminantWithGradient(_a, 8, _dA);
}

/// <summary>Inputs in the distributions GradBench's evals draw from, from a seeded generator: the same sizes, our numbers.</summary>
internal static class GradBenchData
{
    /// <summary><paramref name="count"/> values uniform on [0, 1).</summary>
    public static double[] Uniform(Random random, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = random.NextDouble();
        }

        return values;
    }

    /// <summary><paramref name="count"/> standard normal values (Box-Muller).</summary>
    public static double[] Normal(Random random, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            values[i] = radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        return values;
    }

    /// <summary>Refuses to measure a gradient whose value is not the primal's, bit for bit, as the contract promises.</summary>
    public static void SameValue(double primal, double withGradient)
    {
        if (primal != withGradient || double.IsNaN(primal))
        {
            throw new InvalidOperationException($"…WithGradient returned {withGradient:R}, the primal {primal:R}");
        }
    }
}
