using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DeZero.Tests;

/// <summary>Never lie: NaN and infinities propagate, repeated and concurrent backprop give exact answers.</summary>
public sealed class RobustnessTests
{
    // The generated node (Forward and Backward over arrays) and the scalar kernels both pass NaN and infinities on.
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Backward_NonFiniteInput_PropagatesThroughEveryElementItTouches(double bad)
    {
        var x = new Variable(new NDArray([1.0, bad, 0.5]));
        var y = Functions.Exp(Functions.Square(x)) * 2.0 + Functions.Sin(x);
        y.Backward();

        var data = y.Data.ToArray();
        var grad = x.Grad!.ToArray();
        Assert.True(double.IsFinite(data[0]) && double.IsFinite(data[2]), "A non-finite element leaked into its neighbours' values.");
        Assert.True(double.IsFinite(grad[0]) && double.IsFinite(grad[2]), "A non-finite element leaked into its neighbours' gradients.");
        Assert.False(double.IsFinite(data[1]), $"exp(x²)·2 + sin x at {bad} gave {data[1]}");
        Assert.False(double.IsFinite(grad[1]), $"its gradient at {bad} gave {grad[1]}");
    }

    [Fact]
    public void Backward_NaNOutputGradient_IsNotSwallowed()
    {
        var x = new Variable(2.0);
        var y = Functions.Square(x);
        y.Grad = double.NaN;
        y.Backward();
        Assert.True(double.IsNaN(x.Grad!.Item()));
    }

    [Fact]
    public void Backward_SqrtAtZero_IsPositiveInfinityAsIeeeSays()
    {
        var x = new Variable(0.0);
        Functions.Sqrt(x).Backward();
        Assert.Equal(double.PositiveInfinity, x.Grad!.Item());
    }

    [Fact]
    public void Backward_TwiceOnADiamondWithoutClearing_IsExactlyTwiceOnePass()
    {
        var x = new Variable(new NDArray([0.3, -1.2, 2.5]));
        var a = Functions.Sin(x);
        var y = a * a + Functions.Exp(a) / (x * x + 1.0);
        y.Backward();
        var once = x.Grad!.ToArray();
        y.Backward();
        var twice = x.Grad!.ToArray();
        Assert.Equal(once.Select(g => 2 * g), twice);
    }

    [Fact]
    public void ClearGrad_InAnOptimisationLoop_GivesTheSameTrajectoryAsFreshVariables()
    {
        static Variable Rosenbrock(Variable x, Variable y) => 100.0 * Functions.Square(y - x * x) + Functions.Square(1.0 - x);

        // Reusing two leaves, clearing their gradients each step, as DeZero's optimisation loop does.
        var x = new Variable(0.0);
        var y = new Variable(2.0);
        for (var i = 0; i < 200; i++)
        {
            x.ClearGrad();
            y.ClearGrad();
            Rosenbrock(x, y).Backward();
            x.Data -= 0.001 * x.Grad!;
            y.Data -= 0.001 * y.Grad!;
        }

        // The same steps with fresh variables every time.
        double fx = 0.0, fy = 2.0;
        for (var i = 0; i < 200; i++)
        {
            var vx = new Variable(fx);
            var vy = new Variable(fy);
            Rosenbrock(vx, vy).Backward();
            fx -= 0.001 * vx.Grad!.Item();
            fy -= 0.001 * vy.Grad!.Item();
        }

        Assert.Equal(fx, x.Data.Item());
        Assert.Equal(fy, y.Data.Item());
    }

    [Fact]
    public void Backward_ManyThreadsAtOnce_SameGradientsAsOneThread()
    {
        static double[] Gradient(int seed)
        {
            var values = Enumerable.Range(0, 16).Select(i => Math.Sin(seed * 16 + i)).ToArray();
            var x = new Variable(new NDArray(values));
            var y = x;
            for (var k = 0; k < 20; k++)
            {
                y = Functions.Tanh(y * 1.1 + Functions.Sin(x)) + Functions.Square(y) * 0.01;
            }

            y.Backward();
            return x.Grad!.ToArray();
        }

        const int Graphs = 64;
        var expected = Enumerable.Range(0, Graphs).Select(Gradient).ToArray();
        var actual = new double[Graphs][];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var g = t; g < Graphs; g += 8)
            {
                actual[g] = Gradient(g);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        for (var g = 0; g < Graphs; g++)
        {
            Assert.Equal(expected[g], actual[g]);
        }
    }

    [Fact]
    public async Task NoGrad_InManyConcurrentFlows_OnlyItsOwnFlowRecordsNoGraph()
    {
        var tasks = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            for (var k = 0; k < 50; k++)
            {
                if (i % 2 == 0)
                {
                    using (Config.NoGrad())
                    {
                        await Task.Yield();
                        var y = Functions.Square(new Variable(3.0));
                        Assert.Null(y.Creator);
                    }
                }
                else
                {
                    await Task.Yield();
                    var y = Functions.Square(new Variable(3.0));
                    Assert.NotNull(y.Creator);
                }
            }
        }));
        await Task.WhenAll(tasks);
        Assert.True(Config.EnableBackprop);
    }
}

/// <summary>Nothing static keeps graphs alive. Not run in parallel with other tests, so the GC sees only this test's garbage.</summary>
[Collection(nameof(MemoryCollection))]
public sealed class MemoryTests
{
    [Fact]
    public void Graphs_BuiltAndDropped_AreCollected()
    {
        var first = BuildAndDrop(100_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(first.TryGetTarget(out _), "The first graph's output is still alive after 100,000 graphs were dropped.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Variable> BuildAndDrop(int count)
    {
        WeakReference<Variable>? first = null;
        for (var i = 0; i < count; i++)
        {
            var x = new Variable(i * 1e-5);
            var y = Functions.Exp(Functions.Square(x)) + x;
            y.Backward();
            first ??= new WeakReference<Variable>(y);
        }

        return first!;
    }
}

/// <summary>Tests that must not share the process with others running at the same time.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;
