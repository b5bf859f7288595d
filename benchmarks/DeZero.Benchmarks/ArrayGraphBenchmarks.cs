using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 3: forward plus backward of the seed's function over an array. Baseline: one <c>TensorPrimitives.Exp</c> over
/// the array, the work no implementation can avoid. Targets at 1,000,000: the fused node within 3x of it, and at least
/// 3x faster than the per-operation graph.
/// </summary>
[MemoryDiagnoser]
public class ArrayGraphBenchmarks
{
    private double[] _x = [];
    private double[] _t = [];
    private double[] _y = [];
    private double[] _gy = [];
    private double[] _gx = [];
    private NDArray _data = 0.0;

    /// <summary>The number of elements.</summary>
    [Params(1_000, 1_000_000)]
    public int N { get; set; }

    /// <summary>The input and the preallocated buffers of the hand-composed pipeline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Inputs.Uniform(N, -1.0, 1.0, seed: 4);
        _data = NDArray.Wrap(_x);
        _t = new double[N];
        _y = new double[N];
        _gx = new double[N];
        _gy = new double[N];
        System.Array.Fill(_gy, 1.0);
    }

    /// <summary>The reference line: one vectorised exponential over the array into a preallocated buffer.</summary>
    [Benchmark(Baseline = true)]
    public double ExpReference()
    {
        TensorPrimitives.Exp(_x, _y);
        return _y[0];
    }

    /// <summary>
    /// The best hand-composed pipeline, buffers preallocated: y = exp(2x²), gx = gy · 4x · y, six vector passes of
    /// which one is the exponential.
    /// </summary>
    [Benchmark]
    public double HandComposedTensorPrimitives()
    {
        TensorPrimitives.Multiply(_x, _x, _t);
        TensorPrimitives.Multiply(_t, 2.0, _t);
        TensorPrimitives.Exp(_t, _y);
        TensorPrimitives.Multiply(_x, 4.0, _gx);
        TensorPrimitives.Multiply(_gx, _y, _gx);
        TensorPrimitives.Multiply(_gx, _gy, _gx);
        return _gx[0];
    }

    /// <summary>
    /// The floor under any graph at this size, no arithmetic at all: the three arrays the user owns afterwards (the
    /// output, its gradient of ones, the input's gradient) allocated fresh and written once. They are never pooled:
    /// a user can keep them.
    /// </summary>
    [Benchmark]
    public double AllocationFloor()
    {
        var y = GC.AllocateUninitializedArray<double>(N);
        _x.CopyTo(y, 0);
        var ones = GC.AllocateUninitializedArray<double>(N);
        Array.Fill(ones, 1.0);
        var gx = GC.AllocateUninitializedArray<double>(N);
        _x.CopyTo(gx, 0);
        return y[0] + ones[0] + gx[0];
    }

    /// <summary>The generated fused node: one node, forward and backward.</summary>
    [Benchmark]
    public double FusedGenerated()
    {
        var x = new Variable(_data);
        var y = Ops.Seed(x);
        y.Backward();
        return x.Grad!.AsSpan()[0];
    }

    /// <summary>The same fused node with its loops in the node rather than the runtime (<see cref="InlineLoopSeedFunction"/>).</summary>
    [Benchmark]
    public double FusedInlineLoop()
    {
        var x = new Variable(_data);
        var y = new InlineLoopSeedFunction().Call(x);
        y.Backward();
        return x.Grad!.AsSpan()[0];
    }

    /// <summary>The per-operation graph of three built-in nodes.</summary>
    [Benchmark]
    public double PerOperationBuiltIns()
    {
        var x = new Variable(_data);
        var y = Functions.Square(Functions.Exp(Functions.Square(x)));
        y.Backward();
        return x.Grad!.AsSpan()[0];
    }
}
