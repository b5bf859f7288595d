namespace DeZero;

/// <summary>y = x0 · x1, elementwise; a 0-d input broadcasts and gets its gradient summed back.</summary>
internal sealed class MulFunction : Function
{
    public override NDArray ForwardAll(NDArray[] xs)
    {
        Elementwise.Shape(nameof(MulFunction), xs, 2);
        return xs[0] * xs[1];
    }

    public override NDArray[] BackwardAll(NDArray gy)
    {
        var x0 = Inputs[0].Data;
        var x1 = Inputs[1].Data;
        return [Elementwise.SumTo(gy * x1, x0), Elementwise.SumTo(gy * x0, x1)];
    }
}
