using DeZero;

namespace DeZero.Samples;

/// <summary>The seed's very first <c>Function</c> (step 2.2): squaring is fixed inside the call, before Function became a base class.</summary>
internal sealed class FixedSquarer
{
    public Variable Call(Variable input)
    {
        var x = input.Data;      // take the data out of the box
        var y = x * x;           // the actual computation
        var output = new Variable(y); // put the result back in a box
        return output;
    }
}
