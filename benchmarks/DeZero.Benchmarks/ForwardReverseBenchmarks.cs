using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeZero.GradBench.Evals;

namespace DeZero.Benchmarks;

/// <summary>
/// Reverse mode against forward mode on one function, GradBench's LogSumExp, of 2, 10 and 100 inputs. Forward mode is
/// what a method of <c>double</c> parameters gets (<see cref="LogSumExpFixedArity"/>, one parameter per input, its
/// tuple of partials copied into an array); reverse mode is the span method's <c>…WithGradient</c> writing into an
/// array. The baseline of each size is forward mode; the primal (the span method alone) is shown beside them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ForwardReverseBenchmarks
{
    private readonly double[] _x2 = GradBenchData.Uniform(new Random(2), 2);
    private readonly double[] _x10 = GradBenchData.Uniform(new Random(10), 10);
    private readonly double[] _x100 = GradBenchData.Uniform(new Random(100), 100);
    private readonly double[] _gradient = new double[100];

    /// <summary>Refuses to measure unless both modes give the primal's value and the same gradient (to 1e-12).</summary>
    [GlobalSetup]
    public void Setup()
    {
        Agree(_x2, LogSumExpFixedArity.ForwardMode2);
        Agree(_x10, LogSumExpFixedArity.ForwardMode10);
        Agree(_x100, LogSumExpFixedArity.ForwardMode100);
    }

    /// <summary>The span method alone.</summary>
    [Benchmark, BenchmarkCategory("2 inputs")]
    public double Primal2() => Lse.LogSumExp(_x2);

    /// <summary>Forward mode.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("2 inputs")]
    public double Forward2() => LogSumExpFixedArity.ForwardMode2(_x2, _gradient);

    /// <summary>Reverse mode.</summary>
    [Benchmark, BenchmarkCategory("2 inputs")]
    public double Reverse2() => Lse.LogSumExpWithGradient(_x2, _gradient.AsSpan(0, 2));

    /// <summary>The span method alone.</summary>
    [Benchmark, BenchmarkCategory("10 inputs")]
    public double Primal10() => Lse.LogSumExp(_x10);

    /// <summary>Forward mode.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("10 inputs")]
    public double Forward10() => LogSumExpFixedArity.ForwardMode10(_x10, _gradient);

    /// <summary>Reverse mode.</summary>
    [Benchmark, BenchmarkCategory("10 inputs")]
    public double Reverse10() => Lse.LogSumExpWithGradient(_x10, _gradient.AsSpan(0, 10));

    /// <summary>The span method alone.</summary>
    [Benchmark, BenchmarkCategory("100 inputs")]
    public double Primal100() => Lse.LogSumExp(_x100);

    /// <summary>Forward mode.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("100 inputs")]
    public double Forward100() => LogSumExpFixedArity.ForwardMode100(_x100, _gradient);

    /// <summary>Reverse mode.</summary>
    [Benchmark, BenchmarkCategory("100 inputs")]
    public double Reverse100() => Lse.LogSumExpWithGradient(_x100, _gradient.AsSpan(0, 100));

    private static void Agree(double[] x, Func<double[], double[], double> forwardMode)
    {
        var forward = new double[x.Length];
        var reverse = new double[x.Length];
        GradBenchData.SameValue(Lse.LogSumExp(x), forwardMode(x, forward));
        GradBenchData.SameValue(Lse.LogSumExp(x), Lse.LogSumExpWithGradient(x, reverse));
        for (var i = 0; i < x.Length; i++)
        {
            if (Math.Abs(forward[i] - reverse[i]) > 1e-12)
            {
                throw new InvalidOperationException($"{x.Length} inputs: the modes differ at {i}: {forward[i]:R} and {reverse[i]:R}");
            }
        }
    }
}
