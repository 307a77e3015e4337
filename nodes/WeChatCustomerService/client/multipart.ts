import FormData from 'form-data';

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/**
 * A multipart/form-data body with one file part (WeChat's uploads all name it `media`), kept as
 * a buffer so a retry after a token refresh can resend exactly the same bytes.
 */
export function fileMultipart(bytes: Buffer, fileName: string, contentType: string, field = 'media'): MultipartBody {
	const form = new FormData();
	form.append(field, bytes, { filename: fileName, contentType });
	return { body: form.getBuffer(), contentType: form.getHeaders()['content-type'] as string };
}
