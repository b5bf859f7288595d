using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 1: the generated <c>…WithGradient</c> against the analytic value-and-gradient a careful person writes by hand,
/// for three bodies. Target: ratio at most 1.10 and nothing allocated.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WithGradientBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    /// <summary>Inputs in a range where every function stays finite.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Inputs.Uniform(Inputs.Count, -1.0, 1.0, seed: 1);
        _y = Inputs.Uniform(Inputs.Count, -1.0, 1.0, seed: 2);
    }

    /// <summary>The seed's function, derivative by hand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Seed")]
    public double SeedHand()
    {
        var sum = 0.0;
        foreach (var x in _x)
        {
            var (value, dx) = HandWritten.Seed(x);
            sum += value + dx;
        }

        return sum;
    }

    /// <summary>The seed's function, derivative by the generator.</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Seed")]
    public double SeedGenerated()
    {
        var sum = 0.0;
        foreach (var x in _x)
        {
            var (value, dx) = Ops.SeedWithGradient(x);
            sum += value + dx;
        }

        return sum;
    }

    /// <summary>Rosenbrock, derivative by hand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Rosenbrock")]
    public double RosenbrockHand()
    {
        var sum = 0.0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            var (value, dx, dy) = HandWritten.Rosenbrock(x[i], y[i]);
            sum += value + dx + dy;
        }

        return sum;
    }

    /// <summary>Rosenbrock, derivative by the generator.</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Rosenbrock")]
    public double RosenbrockGenerated()
    {
        var sum = 0.0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            var (value, dx, dy) = Ops.RosenbrockWithGradient(x[i], y[i]);
            sum += value + dx + dy;
        }

        return sum;
    }

    /// <summary>The transcendental body, derivative by hand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Transcendental")]
    public double TranscendentalHand()
    {
        var sum = 0.0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            var (value, dx, dy) = HandWritten.Transcendental(x[i], y[i]);
            sum += value + dx + dy;
        }

        return sum;
    }

    /// <summary>The transcendental body, derivative by the generator.</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count), BenchmarkCategory("1 Transcendental")]
    public double TranscendentalGenerated()
    {
        var sum = 0.0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            var (value, dx, dy) = Ops.TranscendentalWithGradient(x[i], y[i]);
            sum += value + dx + dy;
        }

        return sum;
    }
}
