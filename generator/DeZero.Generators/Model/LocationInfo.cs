using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeZero.Generators.Model;

/// <summary>A location as plain values, so diagnostics can travel through the cached pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location?.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode node) => From(node.GetLocation());
}

/// <summary>A diagnostic as plain values: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>
/// What parsing one method gives: a model to emit, or the reasons there is none; and the calls whose
/// derivatives must be supplied with [DerivativeOf], which only the gathered registrations can settle.
/// </summary>
internal sealed record ParseResult(MethodSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<PendingCall> Pending)
{
    public static ParseResult Failed(EquatableArray<DiagnosticInfo> diagnostics) => new(null, diagnostics, EquatableArray<PendingCall>.Empty);
}

/// <summary>
/// A call to a function with no generated gradient, by its documentation id. <paramref name="Via"/> is set
/// when the call is in a [Differentiable] callee rather than in this method.
/// </summary>
internal sealed record PendingCall(string Key, string Display, LocationInfo? Location, string? Via)
{
    /// <summary>What to do if no derivative is supplied: DZ0003's advice, which depends on where the function is declared.</summary>
    public string Advice { get; init; } = string.Empty;
}

/// <summary>A user-supplied derivative: the function's documentation id and the method that returns value and partials.</summary>
internal sealed record Registration(string Key, MemberRef Gradient);

/// <summary>What parsing one [DerivativeOf] method gives.</summary>
internal sealed record RegistrationResult(Registration? Registration, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics);
