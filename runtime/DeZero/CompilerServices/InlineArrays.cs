using System.Runtime.CompilerServices;

namespace DeZero.CompilerServices;

/// <summary>Room for the first few inputs' storage inside a struct: most methods have one to three inputs, so no array is allocated for them.</summary>
[InlineArray(ElementwiseInputs.Inline)]
internal struct InlineFour<T>
{
    private T _element;
}
