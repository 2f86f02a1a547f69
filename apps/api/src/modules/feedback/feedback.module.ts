import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

/** People's Audit: citizens' comments on public KPIs, moderated by the province. */
@Module({ controllers: [CommentsController], providers: [CommentsService] })
export class FeedbackModule {}
