namespace Store.Domain.Billing;

/// <summary>
/// A document that is final once saved: an invoice, a credit note and their lines. StoreDb refuses to update
/// or delete one; a correction is a credit note.
/// </summary>
public interface IIssuedDocument;
