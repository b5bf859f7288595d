using BenchmarkDotNet.Attributes;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 2: forward plus backward of the seed's <c>square(exp(square(x)))</c> on 0-d values, one graph per input.
/// Baseline: the per-operation graph of built-in nodes. Target: the fused node at most 0.5 of it.
/// </summary>
[MemoryDiagnoser]
public class ScalarGraphBenchmarks
{
    private double[] _x = [];

    /// <summary>The inputs.</summary>
    [GlobalSetup]
    public void Setup() => _x = Inputs.Uniform(Inputs.Count, -1.0, 1.0, seed: 3);

    /// <summary>Three built-in nodes: <c>Functions.Square(Functions.Exp(Functions.Square(x)))</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Inputs.Count)]
    public double PerOperationBuiltIns()
    {
        var sum = 0.0;
        foreach (var value in _x)
        {
            var x = new Variable(value);
            var y = Functions.Square(Functions.Exp(Functions.Square(x)));
            y.Backward();
            sum += x.Grad!.Item();
        }

        return sum;
    }

    /// <summary>Three hand-written seed-style functions, a new instance per call as the seed does.</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count)]
    public double PerOperationSeedStyle()
    {
        var sum = 0.0;
        foreach (var value in _x)
        {
            var x = new Variable(value);
            var y = new SeedSquare().Call(new SeedExp().Call(new SeedSquare().Call(x)));
            y.Backward();
            sum += x.Grad!.Item();
        }

        return sum;
    }

    /// <summary>The generated fused node: the whole method is one node.</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count)]
    public double FusedGenerated()
    {
        var sum = 0.0;
        foreach (var value in _x)
        {
            var x = new Variable(value);
            var y = Ops.Seed(x);
            y.Backward();
            sum += x.Grad!.Item();
        }

        return sum;
    }

    /// <summary>The same fused node with its loop in the node rather than the runtime (<see cref="InlineLoopSeedFunction"/>).</summary>
    [Benchmark(OperationsPerInvoke = Inputs.Count)]
    public double FusedInlineLoop()
    {
        var sum = 0.0;
        foreach (var value in _x)
        {
            var x = new Variable(value);
            var y = new InlineLoopSeedFunction().Call(x);
            y.Backward();
            sum += x.Grad!.Item();
        }

        return sum;
    }
}
