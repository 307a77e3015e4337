export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/**
 * A multipart/form-data body with one file part (WeChat's uploads all name it `media`), built by
 * the platform's FormData and kept as a buffer so a retry after a token refresh can resend
 * exactly the same bytes.
 */
export async function fileMultipart(bytes: Buffer, fileName: string, contentType: string, field = 'media'): Promise<MultipartBody> {
	const form = new FormData();
	form.append(field, new Blob([bytes], { type: contentType }), fileName);
	const encoded = new Response(form);
	const body = Buffer.from(await encoded.arrayBuffer());
	return { body, contentType: encoded.headers.get('content-type') ?? '' };
}
