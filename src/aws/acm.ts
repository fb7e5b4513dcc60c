// The ACM collector. ListCertificates returns only RSA_2048 certificates unless told otherwise
// (API_ListCertificates, Includes.keyTypes), so it asks for every key algorithm; 1000 a page.
// Validation records are only in DescribeCertificate, one call per certificate (10 rps).
import {
  ACMClient,
  DescribeCertificateCommand,
  KeyAlgorithm,
  paginateListCertificates,
  type CertificateDetail,
} from '@aws-sdk/client-acm';
import type { Certificate } from '../model/snapshot';
import { collectPages } from './paging';
import type { ScanContext } from './scan-context';

export const ACM_PAGE_SIZE = 1000;

/** Every key algorithm this SDK knows, so no certificate is filtered out by the RSA_2048 default. */
export const ALL_KEY_TYPES = Object.values(KeyAlgorithm);

const STATUSES = new Set<Certificate['status']>(['PENDING_VALIDATION', 'ISSUED', 'INACTIVE', 'EXPIRED', 'VALIDATION_TIMED_OUT', 'REVOKED', 'FAILED']);

export function toCertificate(detail: CertificateDetail, scope: { accountId: string; region: string }): Certificate {
  const status = detail.Status as Certificate['status'] | undefined;
  const arn = detail.CertificateArn ?? '';
  return {
    id: arn,
    ...scope,
    arn,
    domainName: detail.DomainName ?? '',
    subjectAlternativeNames: detail.SubjectAlternativeNames ?? [],
    status: status && STATUSES.has(status) ? status : 'FAILED',
    validations: (detail.DomainValidationOptions ?? []).map((v) => ({
      domainName: v.DomainName ?? '',
      ...(v.ValidationStatus ? { status: v.ValidationStatus } : {}),
      ...(v.ResourceRecord?.Name && v.ResourceRecord.Type && v.ResourceRecord.Value
        ? { record: { name: v.ResourceRecord.Name, type: v.ResourceRecord.Type, value: v.ResourceRecord.Value } }
        : {}),
    })),
    ...(detail.NotAfter ? { notAfter: detail.NotAfter.toISOString() } : {}),
  };
}

export async function collectAcm(ctx: ScanContext, region: string): Promise<Certificate[]> {
  const client = ctx.client('acm', region, (config) => new ACMClient(config));
  const summaries = await collectPages(
    paginateListCertificates({ client, pageSize: ACM_PAGE_SIZE }, { Includes: { keyTypes: ALL_KEY_TYPES } }, ctx.sendOptions),
    (p) => p.CertificateSummaryList,
  );
  const details = await Promise.all(
    summaries.map(async (summary) => {
      try {
        const out = await client.send(new DescribeCertificateCommand({ CertificateArn: summary.CertificateArn }), ctx.sendOptions);
        return out.Certificate;
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        ctx.gap('acm', region, error, `certificate ${summary.CertificateArn}`);
        return undefined;
      }
    }),
  );
  const scope = { accountId: ctx.accountId, region };
  return details.filter((d): d is CertificateDetail => d !== undefined).map((d) => toCertificate(d, scope));
}
