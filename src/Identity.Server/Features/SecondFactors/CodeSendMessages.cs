using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors;

/// <summary>What a page tells the user after trying to send a code: a notice when sent, an error otherwise.</summary>
public static class CodeSendMessages
{
    public static (bool Sent, string Message) Describe(CodeSendResult result, bool byEmail, IStringLocalizer<SecondFactorsText> text) =>
        result.Outcome switch
        {
            CodeSendOutcome.Sent => (true, byEmail
                ? text["We emailed a code to {0}.", result.MaskedDestination ?? string.Empty]
                : text["We texted a code to {0}.", result.MaskedDestination ?? string.Empty]),
            CodeSendOutcome.CoolingDown => (false, text["A code was sent moments ago. Wait {0} seconds before asking for another.",
                Math.Max(1, (int)Math.Ceiling(result.Wait.TotalSeconds))]),
            CodeSendOutcome.Capped => (false, text["Too many codes were sent. Try again later, or choose another way."]),
            CodeSendOutcome.InvalidNumber => (false, text["This phone number cannot receive text messages. Choose another way."]),
            CodeSendOutcome.Unsubscribed => (false, text["This phone number has blocked our text messages (reply START to allow them again). Choose another way."]),
            CodeSendOutcome.NoDestination => (false, text["There is nowhere to send a code. Choose another way."]),
            _ => (false, byEmail
                ? text["We could not send the email just now. Try again in a moment, or choose another way."]
                : text["We could not send the text message just now. Try again in a moment, or choose another way."]),
        };
}
