using System;
using System.Diagnostics;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 4: backward through a chain of 1,000,000 generated nodes, reported per node (<c>OperationsPerInvoke</c>).
/// Baseline: the bare minimum, a loop that follows creator links and calls each node's backward, with none of
/// <see cref="Variable.Backward"/>'s bookkeeping (generation queue, visited set, gradient accumulation and clearing).
/// </summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    /// <summary>The chain's length.</summary>
    public const int Length = 1_000_000;

    private Variable _x = null!;
    private Variable _y = null!;

    /// <summary>Builds the chain once; backward leaves it intact, so every invocation walks the same graph.</summary>
    [GlobalSetup]
    public void Setup() => (_x, _y) = Build(Length);

    /// <summary>Follows creator links and calls each node's backward: the floor for any backprop.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Length)]
    public double BareCreatorLoop()
    {
        NDArray gy = NDArray.OnesLike(_y.Data);
        var function = _y.Creator;
        Variable input = _y;
        while (function is not null)
        {
            gy = function.BackwardAll(gy)[0];
            input = function.Input; // Inputs would make a list per call for a one-input node
            function = input.Creator;
        }

        return gy.Item();
    }

    /// <summary><see cref="Variable.Backward"/>: generation order for any DAG, gradients dropped once used.</summary>
    [Benchmark(OperationsPerInvoke = Length)]
    public double VariableBackward()
    {
        _x.ClearGrad();
        _y.Backward();
        return _x.Grad!.Item();
    }

    /// <summary>A chain of <paramref name="length"/> <see cref="Ops.Damp(Variable)"/> nodes from a 0-d leaf.</summary>
    public static (Variable X, Variable Y) Build(int length)
    {
        var x = new Variable(0.25);
        var y = x;
        for (var i = 0; i < length; i++)
        {
            y = Ops.Damp(y);
        }

        return (x, y);
    }
}

/// <summary>Case 4's memory line: what the chain costs to hold and the peak of the managed heap while backpropagating.</summary>
internal static class ChainProbe
{
    public static void Run()
    {
        Collect();
        var before = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        var build = Stopwatch.StartNew();
        var (x, y) = ChainBenchmarks.Build(ChainBenchmarks.Length);
        build.Stop();
        Collect();
        var graph = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes - before;

        // One warm backward, then the measured one with the peak sampled alongside.
        y.Backward();
        x.ClearGrad();
        Collect();
        using var sampler = new PeakSampler();
        var backward = Stopwatch.StartNew();
        y.Backward();
        backward.Stop();
        var peak = sampler.Stop();
        GC.KeepAlive(x);

        const double Mb = 1024.0 * 1024.0;
        Console.WriteLine();
        Console.WriteLine($"Case 4, chain of {ChainBenchmarks.Length:N0} nodes (one timed run beside the table):");
        Console.WriteLine($"  build (forward):   {build.Elapsed.TotalMilliseconds * 1e6 / ChainBenchmarks.Length,8:F1} ns/node");
        Console.WriteLine($"  backward:          {backward.Elapsed.TotalMilliseconds * 1e6 / ChainBenchmarks.Length,8:F1} ns/node");
        Console.WriteLine($"  graph held:        {graph / Mb,8:F1} MB  ({(double)graph / ChainBenchmarks.Length:F0} B/node, GC.GetGCMemoryInfo heap size after a full collection)");
        Console.WriteLine($"  peak during backward: {peak.Heap / Mb,5:F1} MB managed heap, {peak.Committed / Mb:F1} MB committed (GC.GetGCMemoryInfo, sampled every ms and at every GC seen)");
        Console.WriteLine($"  GCs during backward: gen0 {peak.Gen0}, gen1 {peak.Gen1}, gen2 {peak.Gen2}");
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Samples the heap on a background thread: the larger of the live heap now and the heap size the last GC found.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private readonly int[] _counts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        private volatile bool _stop;
        private long _heap;
        private long _committed;

        public PeakSampler()
        {
            _thread = new Thread(Loop) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public (long Heap, long Committed, int Gen0, int Gen1, int Gen2) Stop()
        {
            _stop = true;
            _thread.Join();
            Sample();
            return (_heap, _committed,
                GC.CollectionCount(0) - _counts[0], GC.CollectionCount(1) - _counts[1], GC.CollectionCount(2) - _counts[2]);
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }

        private void Loop()
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(1);
            }
        }

        private void Sample()
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            long before = 0;
            foreach (var generation in info.GenerationInfo)
            {
                before += generation.SizeBeforeBytes;
            }

            _heap = Math.Max(_heap, Math.Max(before, Math.Max(info.HeapSizeBytes, GC.GetTotalMemory(false))));
            _committed = Math.Max(_committed, info.TotalCommittedBytes);
        }
    }
}
