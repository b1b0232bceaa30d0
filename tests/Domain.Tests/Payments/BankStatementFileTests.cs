using Store.Domain.Payments;

namespace Store.Domain.Tests.Payments;

public sealed class BankStatementFileTests
{
    [Fact]
    public void A_French_csv_export_is_read_with_its_header_debits_and_a_bad_line_reported()
    {
        var file = BankStatementFile.Read(
            "Date;Montant;Référence;Libellé\r\n" +
            "03/05/2026;1 234,56;RF18 5390 0754 7034;VIR SEPA CLIENT 01\r\n" +
            "04/05/2026;-50,00;;PRLV EDF\r\n" +
            "05/05/2026;abc;;VIR\r\n" +
            "2026-05-06;95.76;;\"VIR \"\"CLIENT; 02\"\"\";CHF\r\n");

        Assert.Equal(2, file.Credits.Count);
        Assert.Equal((new DateOnly(2026, 5, 3), 1234.56m, "RF18 5390 0754 7034", (Currency?)null), (file.Credits[0].BookedOn, file.Credits[0].Amount, file.Credits[0].Reference, file.Credits[0].Currency));
        Assert.Equal(("VIR \"CLIENT; 02\"", (Currency?)Currency.CHF), (file.Credits[1].Label, file.Credits[1].Currency));
        Assert.Equal(1, file.Debits);
        var rejected = Assert.Single(file.Rejected);
        Assert.Equal(4, rejected.LineNumber);
        Assert.Contains("amount", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_equal_transfers_of_one_file_are_two_lines_and_the_same_file_gives_the_same_keys()
    {
        const string csv = "2026-05-03,95.76,,VIR CLIENT\n2026-05-03,95.76,,VIR CLIENT\n";
        var first = BankStatementFile.Read(csv);
        var again = BankStatementFile.Read(csv);

        Assert.Equal(2, first.Credits.Select(c => c.Key).Distinct().Count());
        Assert.Equal(first.Credits.Select(c => c.Key), again.Credits.Select(c => c.Key));
    }

    [Fact]
    public void A_camt053_statement_gives_its_credits_with_the_structured_reference_and_the_bank_reference_as_key()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt><Stmt>
                <Ntry>
                  <Amt Ccy="EUR">95.76</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                  <BookgDt><Dt>2026-05-03</Dt></BookgDt>
                  <AcctSvcrRef>2026050300042</AcctSvcrRef>
                  <NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>
                </Ntry>
                <Ntry>
                  <Amt Ccy="EUR">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                  <BookgDt><Dt>2026-05-03</Dt></BookgDt>
                </Ntry>
              </Stmt></BkToCstmrStmt>
            </Document>
            """;
        var file = BankStatementFile.Read(xml);

        var credit = Assert.Single(file.Credits);
        Assert.Equal((95.76m, (Currency?)Currency.EUR, "RF18539007547034", "bank:2026050300042"), (credit.Amount, credit.Currency, credit.Reference, credit.Key));
        Assert.Equal(1, file.Debits);
    }
}
