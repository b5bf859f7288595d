using System;
using System.Runtime.Intrinsics;

namespace DeZero.Benchmarks;

/// <summary>
/// The seed's fused node with its loops written out in the node itself, as generated nodes had them before the struct
/// kernels of <c>DeZero.CompilerServices</c>: the same runtime bookkeeping (it overrides the runtime's internal hooks,
/// which this project may see), the same arithmetic and SIMD lanes. Set beside <see cref="Ops.Seed(Variable)"/>, it
/// isolates what moving the loop into the runtime costs or saves.
/// </summary>
internal sealed class InlineLoopSeedFunction : Function
{
    internal override NDArray Evaluate(Variable[] inputs)
    {
        var x = inputs[0].Data;
        var n = x.Size;
        if (n == 1)
        {
            return NDArray.Scalar(Ops.Seed(x.AsSpan()[0]), x.Dims);
        }

        var xs = x.AsSpan();
        var y = GC.AllocateUninitializedArray<double>(n);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Values(Vector256.Create(xs.Slice(i, Vector256<double>.Count))).CopyTo(y, i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = Ops.Seed(xs[i]);
        }

        return NDArray.Create(y, x.Dims);
    }

    internal override void Backpropagate(Variable output, BackwardQueue pass)
    {
        var input = Input;
        if (input.Size == 1 && output.TryGetOneElementGrad(out var g1))
        {
            input.AccumulateGrad(g1 * Ops.SeedWithGradient(input.Data.AsSpan()[0]).DX);
            return;
        }

        var gy = output.Grad!;
        var x = input.Data;
        var n = x.Size;
        var xs = x.AsSpan();
        var g = gy.AsSpan();
        var gx = gy.Storage is { } owned && pass.TakeOwned(owned) ? owned : GC.AllocateUninitializedArray<double>(n);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var d = Partial(Vector256.Create(xs.Slice(i, Vector256<double>.Count)));
                (Vector256.Create(g.Slice(i, Vector256<double>.Count)) * d).CopyTo(gx, i);
            }
        }

        for (; i < n; i++)
        {
            gx[i] = g[i] * Ops.SeedWithGradient(xs[i]).DX;
        }

        input.AccumulateGrad(NDArray.Create(gx, x.Dims));
    }

    // The generated lane programs of Ops.Seed, as the generator prints them.
    private static Vector256<double> Values(Vector256<double> x)
    {
        var a = x * x;
        var b = Vector256.Exp(a);
        return b * b;
    }

    private static Vector256<double> Partial(Vector256<double> x)
    {
        var a = x * x;
        var da = Vector256.Create(2.0) * x;
        var b = Vector256.Exp(a);
        var db = b * da;
        return Vector256.Create(2.0) * (b * db);
    }
}
