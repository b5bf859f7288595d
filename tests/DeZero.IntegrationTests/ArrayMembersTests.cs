using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>
/// The members generated for array methods beyond the gradient itself: the graph node, the checks on arguments,
/// allocation in steady state, and concurrent callers.
/// </summary>
public sealed class ArrayMembersTests
{
    private static readonly double[] Xs = [0.5, -1.2, 2.0, 0.3, 1.1, -0.7, 0.9, 0.0, -2.1, 1.4, 0.2, -0.6];
    private static readonly double[] Ys = [1, -1, 1, -1];

    [Fact]
    public void Node_LogisticLoss_SameGradientAsWithGradient()
    {
        double[] w0 = [0.2, -0.4, 0.6];
        var (value, dw, db) = Arrays.LogisticLossWithGradient(w0, 0.3, Xs, Ys, 3);

        var w = new Variable(new NDArray(w0));
        var b = new Variable(0.3);
        var loss = Arrays.LogisticLoss(w, b, new NDArray(Xs), new NDArray(Ys), 3);
        loss.Backward();

        Assert.Empty(loss.Shape);
        Assert.Equal(value, loss.Data.Item());
        Assert.Equal(dw, w.Grad!.ToArray());
        Assert.Equal(db, b.Grad!.Item());
        Assert.Empty(b.Grad.Shape);
    }

    [Fact]
    public void Node_InputOfAnyShape_ReadRowMajorAndGradientKeepsItsShape()
    {
        var x = new Variable(new NDArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3));
        var y = Arrays.RowNorms(x, 3);
        y.Backward();

        var (_, expected) = Arrays.RowNormsWithGradient([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3);
        Assert.Equal([2, 3], x.Grad!.Shape);
        Assert.Equal(expected, x.Grad.ToArray());
    }

    [Fact]
    public void Node_OutputGradientNotOne_ScalesTheGradient()
    {
        var x = new Variable(new NDArray([0.5, -0.25, 2.0]));
        var y = global::DeZero.Functions.Mul(Arrays.SumSquares(x), new Variable(3.0));
        y.Backward();

        Assert.Equal([3.0, -1.5, 12.0], x.Grad!.ToArray());
    }

    [Fact]
    public void Node_UsedTwiceInAGraph_GradientsAddUp()
    {
        var x = new Variable(new NDArray([1.0, 2.0]));
        var y = global::DeZero.Functions.Add(Arrays.SumSquares(x), Arrays.Sum(x));
        y.Backward();

        Assert.Equal([3.0, 5.0], x.Grad!.ToArray());
    }

    [Fact]
    public void Node_DoubleParameterGivenAnArray_ThrowsNamingIt()
    {
        var w = new Variable(new NDArray([0.2, -0.4, 0.6]));
        var b = new Variable(new NDArray([0.3, 0.3]));

        var error = Assert.Throws<ArgumentException>(() => Arrays.LogisticLoss(w, b, new NDArray(Xs), new NDArray(Ys), 3));
        Assert.Equal("b", error.ParamName);
        Assert.Contains("0-d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithGradient_GradientSpanOfWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Arrays.SumSquaresWithGradient([1.0, 2.0, 3.0], new double[2]));
        Assert.Equal("dX", error.ParamName);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithGradient_GradientOverlapsAnInput_ThrowsNamingBoth()
    {
        var storage = new double[6];
        var partial = Assert.Throws<ArgumentException>(() => Arrays.LogisticLossWithGradient(storage.AsSpan(0, 3), 0.1, Xs, Ys, 3, storage.AsSpan(2, 3), out _));
        Assert.Equal("dW", partial.ParamName);
        Assert.Contains("dW overlaps w", partial.Message, StringComparison.Ordinal);

        var data = Assert.Throws<ArgumentException>(() => Arrays.LogisticLossWithGradient([0.1, 0.2, 0.3], 0.1, Xs, Ys, 3, Xs.AsSpan(0, 3), out _));
        Assert.Contains("dW overlaps xs", data.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithGradient_NullArray_ThrowsArgumentNull()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Arrays.SumOfSinesWithGradient(null!));
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void WithGradient_GradientStorage_IsOverwrittenNotAddedTo()
    {
        var dx = new double[] { 100, 100, 100 };
        Arrays.SumSquaresWithGradient([1.0, 2.0, 3.0], dx);
        Assert.Equal([2.0, 4.0, 6.0], dx);
    }

    [Fact]
    public void WithGradient_MethodThatAllocatesNothing_AllocatesNothingInSteadyState()
    {
        var x = Enumerable.Range(0, 1000).Select(i => Math.Sin(i)).ToArray();
        var dx = new double[x.Length];
        Assert.Equal(0, AllocatedPerCall(() => Arrays.LogSumExpWithGradient(x, dx)));
        Assert.Equal(0, AllocatedPerCall(() => Arrays.LogisticLossWithGradient(x.AsSpan(0, 3), 0.1, Xs, Ys, 3, dx.AsSpan(0, 3), out _)));
        Assert.Equal(0, AllocatedPerCall(() => Arrays.RowNormsWithGradient(x, 10, dx)));
        Assert.Equal(0, AllocatedPerCall(() => Arrays.MatrixVectorNormWithGradient(x.AsSpan(0, 9), x.AsSpan(9, 3), dx.AsSpan(0, 9), dx.AsSpan(9, 3))));
    }

    [Fact]
    public void WithGradient_MethodWithLocalArrays_AllocatesAtMostTwiceWhatItDoes()
    {
        var x = Enumerable.Range(0, 16).Select(i => Math.Cos(i)).ToArray();
        var dx = new double[x.Length];
        var a = Enumerable.Range(0, 25).Select(i => Math.Sin(i) + (i % 6 == 0 ? 3 : 0)).ToArray();
        var da = new double[25];

        var ownPrefix = AllocatedPerCall(() => Arrays.PrefixSquares(x));
        var ownDeterminant = AllocatedPerCall(() => Arrays.Determinant(a, 5));
        Assert.True(ownPrefix > 0 && ownDeterminant > 0, "Both methods allocate a local array themselves");
        Assert.InRange(AllocatedPerCall(() => Arrays.PrefixSquaresWithGradient(x, dx)), 0, 2 * ownPrefix);
        Assert.InRange(AllocatedPerCall(() => Arrays.DeterminantWithGradient(a, 5, da)), 0, 2 * ownDeterminant);
    }

    [Fact]
    public void WithGradient_EightThreadsAtOnce_SameGradientsAsOneThread()
    {
        var inputs = Enumerable.Range(0, 8).Select(t => Enumerable.Range(0, 25).Select(i => Math.Sin((t * 31) + i) + (i % 6 == 0 ? 3 : 0)).ToArray()).ToArray();
        var expected = inputs.Select(a => Arrays.DeterminantWithGradient(a, 5)).ToArray();

        using var start = new Barrier(8);
        var results = new (double Value, double[] DA)[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            start.SignalAndWait();
            results[t] = Enumerable.Range(0, 200).Select(_ => Arrays.DeterminantWithGradient(inputs[t], 5)).ToArray();
        });

        for (var t = 0; t < 8; t++)
        {
            Assert.All(results[t], r =>
            {
                Assert.Equal(expected[t].Value, r.Value);
                Assert.Equal(expected[t].DA, r.DA);
            });
        }
    }

    /// <summary>Bytes allocated on this thread by one call, after warm-up.</summary>
    private static long AllocatedPerCall(Action call)
    {
        for (var i = 0; i < 50; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }
}
