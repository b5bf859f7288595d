namespace DeZero;

/// <summary>y = x0 + x1, elementwise; a 0-d input broadcasts and gets its gradient summed back.</summary>
internal sealed class AddFunction : Function
{
    public override NDArray ForwardAll(NDArray[] xs)
    {
        Elementwise.Shape(nameof(AddFunction), xs, 2);
        return xs[0] + xs[1];
    }

    public override NDArray[] BackwardAll(NDArray gy) =>
        [Elementwise.SumTo(gy, Inputs[0].Data), Elementwise.SumTo(gy, Inputs[1].Data)];
}
